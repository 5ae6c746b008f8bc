# Providers (issue #3): the profile table and registry, the keychain, Settings > Providers, the
# provider picker and the AI Stats tool-name fallback. easel_fakes comes from tests/net.cmake.
easel_add_test(tst_providerregistry SOURCES providers/tst_providerregistry.cpp LIBS easel_chat)
easel_add_test(tst_secretstore SOURCES providers/tst_secretstore.cpp LIBS easel_store)
easel_add_test(tst_toolnamefallback SOURCES providers/tst_toolnamefallback.cpp
    LIBS easel_chat easel_fakes)
easel_add_test(tst_providersdialog SOURCES providers/tst_providersdialog.cpp
    LIBS easel_ui easel_fakes)
