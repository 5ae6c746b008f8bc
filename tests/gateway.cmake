# The protocol core: SSE parsing, the Responses request builder and the Responses event decoder.
easel_add_test(tst_sseparser SOURCES gateway/tst_sseparser.cpp gateway/recordedstream.h
    LIBS easel_gateway)
easel_add_test(tst_responsesrequest SOURCES gateway/tst_responsesrequest.cpp LIBS easel_gateway)
easel_add_test(tst_responsesdecoder SOURCES gateway/tst_responsesdecoder.cpp gateway/recordedstream.h
    LIBS easel_gateway Qt6::Gui)
easel_add_test(tst_base64 SOURCES gateway/tst_base64.cpp LIBS easel_gateway)
