# Compare runs over loopback HTTP (app/compare/comparerun.*): routing, the concurrency bound,
# failing cells, linked images and cancel, against the fake gateway.
easel_add_test(tst_comparerun SOURCES compare/tst_comparerun.cpp LIBS easel_compare easel_fakes)
