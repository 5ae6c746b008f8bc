# Compare runs (issue #5), the pure core: axes, the matrix of cells, the cost preflight, and the
# two exports (results.csv, the grid.png contact sheet).
easel_add_test(tst_compareaxis SOURCES compare/tst_compareaxis.cpp LIBS easel_compare)
easel_add_test(tst_comparespec SOURCES compare/tst_comparespec.cpp LIBS easel_compare)
easel_add_test(tst_comparepreflight SOURCES compare/tst_comparepreflight.cpp LIBS easel_compare)
easel_add_test(tst_compareresultscsv SOURCES compare/tst_compareresultscsv.cpp LIBS easel_compare)
easel_add_test(tst_comparecontactsheet SOURCES compare/tst_comparecontactsheet.cpp
    LIBS easel_compare Qt6::Gui)
