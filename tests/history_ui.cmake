# H3: export, the conversations sidebar, the library grid and their wiring into the window.
easel_add_test(tst_conversationexporter SOURCES store/tst_conversationexporter.cpp LIBS easel_store)
# The sidebar is compiled from its sources (with easel_store) so that its test does not wait on
# the rest of easel_ui.
easel_add_test(tst_conversationlist SOURCES ui/tst_conversationlist.cpp
    ${CMAKE_SOURCE_DIR}/ui/conversationlist.cpp ${CMAKE_SOURCE_DIR}/ui/conversationlistmodel.cpp
    LIBS easel_store Qt6::Widgets)
target_include_directories(tst_conversationlist PRIVATE ${CMAKE_SOURCE_DIR}/ui)
easel_add_test(tst_conversationsdock SOURCES ui/tst_conversationsdock.cpp LIBS easel_ui easel_fakes)
easel_add_test(tst_library SOURCES ui/tst_library.cpp LIBS easel_ui)
