# Price book and cost estimator (app/pricing/).
easel_add_test(tst_pricing SOURCES pricing/tst_pricing.cpp LIBS easel_pricing)
