# The offline demo answering edits (issue #6): input images, masks, previous_response_id and the
# 400s for bad input, over real loopback HTTP.
easel_add_test(tst_demoedits SOURCES demo/tst_demoedits.cpp demo/demoimagesclient.h
    LIBS easel_demo easel_gateway)
