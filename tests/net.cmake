# Networking (app/net/) and the offline demo gateway (app/demo/), tested over real loopback HTTP.

# The scriptable loopback gateway with fault injection, for any test that needs a server.
if(NOT TARGET easel_fakes)
    add_library(easel_fakes STATIC
        ${CMAKE_CURRENT_LIST_DIR}/fakes/fakegateway.cpp
        ${CMAKE_CURRENT_LIST_DIR}/fakes/fakegateway.h)
    target_include_directories(easel_fakes PUBLIC ${CMAKE_CURRENT_LIST_DIR})
    target_link_libraries(easel_fakes PUBLIC easel_demo Qt6::Network)
endif()

easel_add_test(tst_errormessage SOURCES net/tst_errormessage.cpp LIBS easel_net)
easel_add_test(tst_gatewayjob SOURCES net/tst_gatewayjob.cpp LIBS easel_net easel_fakes)
easel_add_test(tst_demoparts SOURCES demo/tst_demoparts.cpp LIBS easel_demo)
easel_add_test(tst_demogateway SOURCES demo/tst_demogateway.cpp
    LIBS easel_demo easel_net easel_gateway)
easel_add_test(tst_demoimages SOURCES demo/tst_demoimages.cpp demo/demoimagesclient.h
    LIBS easel_demo easel_gateway)
easel_add_test(tst_demoimageserrors SOURCES demo/tst_demoimageserrors.cpp demo/demoimagesclient.h
    LIBS easel_demo easel_gateway)
