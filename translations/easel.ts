<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw Mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While an image is being edited, only it can have a mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
No preview: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoSaveDialog</name>
    <message>
        <source>Auto-save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every new image automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-save every new image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After each turn, write its final images into the folder below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-save folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder new images are saved into; it is created when missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the auto-save folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the auto-save folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How saved files are named; fields in braces are filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the template gives a sample image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} {time} {model} {quality} {size} {n} (image number) {ext} {prompt} (first 40 characters) {turn} {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fields a template can use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-save problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What must be fixed before OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these auto-save settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without changing the auto-save settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder to save into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a full folder path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder: the folder cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-save Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareAxisEditor</name>
    <message>
        <source>No axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter to vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting this axis tries several values of; No axis leaves the row unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values this axis tries, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompts this axis tries, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One prompt variant per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: parameter to vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: values to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: prompt variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes, e.g. 1024x1024, 1536x1024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressions from 0 to 100, e.g. 50, 80</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other models, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other ratios, e.g. 21:9</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareCellActions</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both cells need an image to be compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Full Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare These Two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use These Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this cell&apos;s prompt and settings in the composer and image settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Image As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file could not be read, so nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareCellDelegate</name>
    <message>
        <source>preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareExporter</name>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the grid…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareGrid</name>
    <message>
        <source>Compare grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One cell per combination of the axes: a click or Enter opens its image, Ctrl+click picks two to compare, right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One cell: no axes yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareGridModel</name>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating… %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked: %1, quality %2, size %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made: quality %1, size %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revised prompt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 tokens · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareSetupPanel</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt every cell is made from, unless an axis varies it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt every cell is made from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where every cell is sent, unless an axis varies the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many images each cell asks for: more show how much the results vary, and each one is paid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many cells are sent at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask before running above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run estimated above this asks before anything is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the Image settings panel. An axis overrides the parameter it varies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send every cell (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the cells that have not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no base URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (no key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quality %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compression %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is above your limit of %1: Run asks first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 image once this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images once this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare — Easel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare These Two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Grid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two cells with Ctrl+click to see them side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the grid as one PNG contact sheet with its labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save one row per cell: axis values, settings, time, tokens, cost, file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How large the grid&apos;s cells are shown on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is above your limit of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run all %1 cells?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this comparison?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing run yet: the grid shows the cells a run will make.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the history: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the setup has changed: Run makes a new grid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the image. Ctrl+Enter sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the prompt (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running turn (Esc); what arrived is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach reference images for the next prompt (Ctrl+Shift+A); you can also drop or paste them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the change…  (Ctrl+Enter to send)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the image you want…  (Ctrl+Enter to send)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: the file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: it is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be attached: it is not a PNG, JPEG, WebP or GIF image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach Reference Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image cannot be attached: the clipboard&apos;s image cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image cannot be attached: it cannot be saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image cannot be attached: no temporary folder can be made (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Conversation deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the conversations whose prompts or replies contain these words (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search prompts and replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your conversations, newest first: a click or Enter opens one, F2 renames it, Delete removes it, right-click exports it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns that match the search: a click or Enter opens the conversation at that turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring back the conversation you just deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The turns of this conversation. Up and Down move between turns, Left and Right between images; Enter opens the image, the menu key its actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit This Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit with Mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All Images of This Turn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What shall we draw today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe an image below and press Ctrl+Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image settings are on the right; every turn shows what it cost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationsDock</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A turn is still running: stop it or wait for it before opening another conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Conversation as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Conversation as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 with %n image(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be included: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostEstimator</name>
    <message>
        <source>size not known, priced as %1, the dearest standard size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chat model was not named, so its tokens are not priced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price for chat model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price for image model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image quality not reported, priced as high (an upper bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image tokens not reported, estimated from quality and size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway reported no usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quality auto is priced as high, the most it can cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image part only; the chat model&apos;s tokens come on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image part only; the tokens of %1 come on top</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input fidelity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revised prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasoning tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image input text tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image input image tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost reported by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was asked, what the gateway reports it used, and what it cost; select text to copy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all these details to the clipboard as plain text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditTargetBar</name>
    <message>
        <source>Remove Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image being edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the part of the image that may change; the rest is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the edit change the whole image again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop editing this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop editing this image: the next prompt makes a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw Mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <source>That image is no longer in this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That image has not finished arriving; it cannot be edited yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1 of “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask was not kept: its image is no longer in the composer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder with the history, images and masks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Easel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder %1 does not exist and could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could open the data folder; it is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Easel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Easel %1&lt;/h3&gt;&lt;p&gt;Chat concept art into being.&lt;/p&gt;&lt;p&gt;Qt %2 · price book of %3&lt;/p&gt;&lt;p&gt;Data folder: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageCache</name>
    <message>
        <source>The image file is damaged or not an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is too large to display (%1 × %2 pixels)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagePairDialog</name>
    <message>
        <source>Compare Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both images next to each other (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A over B with a divider to drag (2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the pixels differ: |A − B| (3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amplify ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiply the differences by %1 so faint ones show (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This turn has no image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image failed to arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has not arrived yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagePairView</name>
    <message>
        <source>The difference needs both images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the difference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amplified ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file is damaged or not an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read image %1.
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageSaver</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebP image (*.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Image As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All Images of This Turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All Images of This Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no finished images to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-save is on but no folder is chosen, so nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n images to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images could not be saved. %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Image not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file could not be read, so nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the image on the whole screen (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file is damaged or not an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyboardShortcutsDialog</name>
    <message>
        <source>Composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous or next turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the previous or next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu of the selected image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in or out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window / actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave full screen, then close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush / eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller or larger brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key of Easel, grouped by where it works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images made by this image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images made at this quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images of this pixel size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images saved in this file format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images of one conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images made in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images you starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the images whose prompt contains these words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every image you made, newest first: the star marks a favourite, a double-click or Enter opens its conversation, right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit This Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to Favourites</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Image settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All Images of This Conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;Provider or Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add it in Settings &gt; Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add it in Settings &gt; Providers or set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no base URL yet: set it in Settings &gt; Providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this conversation used and cost so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline demo gateway is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next image: about %1 · %2 · %3 · Ctrl+Enter to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings restored from the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image attached: type what to change and press Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + the reference image&apos;s input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + %2 reference images&apos; input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reference images&apos; input tokens are not included: the gateway counts them, and the turn&apos;s cost shows them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaskCanvas</name>
    <message>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint over what may change. The wheel zooms; middle-drag or Space+drag pans.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaskEditorDialog</name>
    <message>
        <source>Mask — choose what may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush: paint what may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser: paint back what is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush size in image pixels ([ smaller, ] larger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush size in pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the brush smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the brush larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last stroke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the mask: keep the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert: what may change is kept, and the other way round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom: the wheel zooms about the pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint over what may change; the rest is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The painted part of the image may change when it is edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the image that may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without using a mask (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earlier mask is %1 × %2, not %3 × %4 like the image, and was left out. Paint over what may change; the rest is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing painted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;1% may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% may change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint over part of the image first: an empty mask would change nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this mask: the painted part may change, the rest is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the mask to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the mask: there is no mask to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that is a file, not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mask could not be encoded as PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairDifferences</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revised prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The images differ in size (A %1, B %2): B is laid over A&apos;s area to compare them, and scaled to A&apos;s size for the difference.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairDifferencesPanel</name>
    <message>
        <source>Different (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences in settings, prompts, cost or time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same in both (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>Image settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that draws the image. Type any name your gateway knows, e.g. openai/gpt-image-1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher quality takes longer and costs more. Auto lets the model choose; the price estimate then assumes high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel size of the image. Auto lets the model choose, or follows the aspect ratio when one is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1024 × 1024  square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1024 × 1536  portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1536 × 1024  landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>width x height, e.g. 2048x1152</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width x height in pixels. gpt-image-2 takes sides that are multiples of 16, up to 3840x2160, ratio 1:3 to 3:1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom size problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape of the image when the size is Auto: the nearest size the model supports is requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent needs PNG or WebP output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opaque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format of the image. PNG is lossless; JPEG and WebP are smaller and take a compression level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression level for JPEG and WebP, 0-100 (100 keeps the most detail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strictly the gateway filters content. Low is less restrictive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rough previews shown while the image forms (0-3). Each one adds some output tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a new image, edit the image in the conversation, or let the model decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input fidelity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How closely an edit keeps faces and logos of the input image. High costs more input tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always make an image: the chat model must call the image tool instead of answering in words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated price per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1 per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per image (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from the price book for the settings above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG has no alpha channel: the background will not be transparent. Use PNG or WebP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transparent backgrounds are a preview feature on gpt-image-2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gpt-image-1-mini does not support input fidelity.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderSwitcher</name>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that reads the prompt and calls the image tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where prompts are sent: %1 (%2 API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running turn before switching provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no base URL yet: set it in Settings &gt; Providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now sending to %1 (%2 API).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch Provider or Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images are now drawn by %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateways Easel can send prompts to: pick one to edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of this profile, e.g. with another model or base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile for any OpenAI-compatible base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes this profile and forgets its key in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the built-in settings (the stored key stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name shown in the toolbar&apos;s provider list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the gateway&apos;s API, usually ending in /v1. The API key is only ever sent to this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file. Leave it empty to keep the stored key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the stored key from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that reads the prompt and calls the image tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that draws the images with this provider, unless the Image settings pick another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of the gateway&apos;s APIs Easel speaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &quot;type&quot; of the image tool in the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool settings inside &quot;parameters&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways&apos; tools take the image settings in a &quot;parameters&quot; object; OpenAI&apos;s tool takes them directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: compare uses the image tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The direct image endpoint below the base URL, used by Compare and &quot;easel generate&quot;. Empty when the gateway has none: the image tool is forced instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent with every request to this provider, one &quot;Name: value&quot; per line. Kept in the settings file: no secrets here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many images the provider takes with one prompt, the edited image included. Easel refuses a turn with more before sending it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest one reference image may be as sent. Larger images are re-encoded or scaled down until they fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the provider for its list of models (GET /models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference images per turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest reference image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile %1, based on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overrides this for this run: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>•••••••• stored in keychain (type to replace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 is %2x%3 pixels, too large to draw a mask on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot draw a mask on %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreBar</name>
    <message>
        <source>Restore these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was made with Easel: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectedImageActions</name>
    <message>
        <source>&amp;Save Image As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Image &amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected image, or the newest one, with its settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected image, or the newest one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected image, or the newest one, on the whole screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no image to %1 in this conversation yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnDelegate</name>
    <message>
        <source>The image could not be generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to view · right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the image again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnLayout</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

*… and %1 more characters, not shown here: Copy Answer copies the whole answer.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (reasoning %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 reference image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnReferencesPainter</name>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original no longer in this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original could not be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original is not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference image · click to view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited with a mask: only its transparent area could change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more reference image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more reference images:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image this turn edited is no longer in this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image this turn edits · click to show it in the conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
