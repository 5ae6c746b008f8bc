# The conversation view's side of editing (issue #6 §3-4): reference thumbnails under the prompt,
# an edit's Original tile beside its result and the jump to it, "Edit This Image" / "Edit with
# Mask…" on a generated image.
easel_add_test(tst_conversationlineage SOURCES ui/tst_conversationlineage.cpp LIBS easel_ui)
