# Gateways beyond OpenAI (issue #3): Chat Completions request building and decoding, gateway
# shapes of the Responses decoder, image links in text, the images endpoint decoder. The decoder
# tests read hand-written fixtures from tests/fixtures/gateways (see its README).
easel_add_test(tst_gatewayfixtures SOURCES gateway/tst_gatewayfixtures.cpp gateway/streamharness.h
    LIBS easel_gateway Qt6::Gui)
easel_add_test(tst_chatcompletionsdecoder SOURCES gateway/tst_chatcompletionsdecoder.cpp
    gateway/streamharness.h LIBS easel_gateway Qt6::Gui)
easel_add_test(tst_imagelinks SOURCES gateway/tst_imagelinks.cpp LIBS easel_gateway)
easel_add_test(tst_chatcompletionsrequest SOURCES gateway/tst_chatcompletionsrequest.cpp
    LIBS easel_gateway)
easel_add_test(tst_responsesgateways SOURCES gateway/tst_responsesgateways.cpp
    gateway/streamharness.h LIBS easel_gateway Qt6::Gui)
easel_add_test(tst_imagesdecoder SOURCES gateway/tst_imagesdecoder.cpp gateway/streamharness.h
    LIBS easel_gateway Qt6::Gui)
easel_add_test(tst_imagesrequest SOURCES gateway/tst_imagesrequest.cpp LIBS easel_gateway)
