# The Compare window (issue #5 §1-§4 in the window): setup through the widgets, the estimate and
# its limit, runs against the fake gateway, the cell actions and the two exports.
easel_add_test(tst_comparewindow SOURCES ui/tst_comparewindow.cpp LIBS easel_ui easel_fakes)
# Reference images in the Compare window: added with the button or dropped on the setup panel,
# sent with every cell, the scaling note, the refusals before anything is sent, Cancel while they
# are prepared, and a stored run showing them again.
easel_add_test(tst_comparewindowreferences SOURCES ui/tst_comparewindowreferences.cpp
    LIBS easel_ui easel_fakes)
