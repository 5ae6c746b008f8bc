# Image URLs: the fetcher (app/net/imagefetcher) and its integration in the chat session, over
# real loopback HTTP against the fake gateway.

if(NOT TARGET easel_fakes)
    add_library(easel_fakes STATIC
        ${CMAKE_CURRENT_LIST_DIR}/fakes/fakegateway.cpp
        ${CMAKE_CURRENT_LIST_DIR}/fakes/fakegateway.h)
    target_include_directories(easel_fakes PUBLIC ${CMAKE_CURRENT_LIST_DIR})
    target_link_libraries(easel_fakes PUBLIC easel_demo Qt6::Network)
endif()

easel_add_test(tst_imagefetcher SOURCES net/tst_imagefetcher.cpp LIBS easel_net easel_fakes)
easel_add_test(tst_chatimageurls SOURCES chat/tst_chatimageurls.cpp LIBS easel_chat easel_fakes)
# How the view shows linked images: downloading, failed with the link, Retry.
easel_add_test(tst_imagelinkview SOURCES ui/tst_imagelinkview.cpp LIBS easel_ui)
