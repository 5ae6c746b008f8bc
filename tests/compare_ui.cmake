# The Compare window (issue #5 §1-§4 in the window): setup through the widgets, the estimate and
# its limit, runs against the fake gateway, the cell actions and the two exports.
easel_add_test(tst_comparewindow SOURCES ui/tst_comparewindow.cpp LIBS easel_ui easel_fakes)
