<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>ApiFlavours</name>
    <message>
        <source>Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat Completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image-output chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The direct image endpoint cannot take reference images; use the Responses API for this turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mask can only be sent through the Responses API; this provider is set to %1 (Settings &gt; Providers).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <source>Cancel</source>
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
    <message>
        <source>{date} {time} {model} {quality} {size} {n} (image number) {ext} {prompt} (its first words, up to %1 characters) {turn} {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the prompt and settings into saved images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, copied and dragged images carry their prompt, models and settings, which Easel and other apps can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: images are saved exactly as generated, so the Content Credentials (C2PA) some providers sign them with still verify. Converting to another format drops those either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why to save images as generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What saving images without Easel&apos;s settings keeps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these saving settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without changing the saving settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchRunner</name>
    <message>
        <source>Running %1 cells, %2 at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done in %1 s, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 images, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway answered without an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request ended without an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatCompletionsDecoder</name>
    <message>
        <source>The gateway sent a malformed chunk (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sent a malformed response (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s answer holds no message (it has no choices).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response stopped before it was complete: the connection closed before the gateway said it was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generated image %1 arrived damaged: its base64 data is not valid, so it cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sent image %1 as a link Easel does not open (%2): only https links and data URLs are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway reported an error while answering, without giving a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was cut short because it reached the maximum number of output tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was stopped by the gateway&apos;s content filter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>A turn is still running: stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 asked to wait before the next request: try again in %n s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>easel %1: %2
Try &apos;easel %1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>easel %1: the offline demo gateway could not listen on 127.0.0.1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent; --provider demo runs offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: %1 (%2), image model %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>easel %1: %2 Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>easel %1: the run is not kept in the history: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1, 1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1, %2 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in %1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 of %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>easel: grid.png could not be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sheet is too large for memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: the requests still running are cancelled and what finished is written. Ctrl+C again quits at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n of %1 cancelled</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>%1 is given more than once: give it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not %3: use a whole number from %4 to %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is a folder; give an image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a regular file; give an image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a mask must be a PNG with transparency (transparent where the image may change).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a PNG, JPEG or WebP image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a command: generate or compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;: values go after their flag, for example --prompt &quot;a fox&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number of requests at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prompt is given more than once: give it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prompt needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cost-limit: &quot;%1&quot; is not an amount: write US dollars, for example --cost-limit 2.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--image needs a value: the path of an image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mask is given more than once: give it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mask needs a value: the path of a PNG mask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mask needs the image it edits: give that image with --image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mask edits one image, but --image is given %1 times: give exactly one --image with --mask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--axis: the %1 axis is given twice: put all its values in one --axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compare needs at least one --axis, for example --axis quality=low,medium,high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--axis: a comparison has at most %1 axes, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and --axis %2=... both set the %2: leave %1 out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either --size or --aspect-ratio: a size overrides the aspect ratio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--background transparent needs --format png or webp: jpeg has no transparency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--compression only applies to jpeg and webp: add --format jpeg or --format webp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prompt is required: the text of the image to make.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out is required: the folder the images are written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--provider: there is no provider &quot;%1&quot;; the providers are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size %1 (image model %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: easel compare --prompt TEXT --axis NAME=VALUES [--axis ...] --out DIR [options]

Runs one prompt over up to three axes of settings (the first axis makes the columns of
the grid, the second the rows, the third the panels), without a window, and writes every
image exactly as received, a labelled grid.png and a results.csv into DIR.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: easel generate --prompt TEXT --out DIR [options]

Generates images for one prompt without a window and writes them into DIR exactly as
received (image-1.png, image-2.png, ...).

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo, %1,
%2or a profile made in the window. Default: as the window picks;
%2the offline demo when no key is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat model, for providers without an image endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model, e.g. gpt-image-1.5 (default: the provider&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low, medium, high or auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto or WxH, e.g. 1536x1024 (what the image model makes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W:H, e.g. 16:9; instead of --size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transparent, opaque or auto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>png (default), jpeg or webp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 100, for jpeg and webp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto or low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per cell, 1 to %1 (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of images, 1 to %1 (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reference image (PNG, JPEG or WebP); repeat for several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent through the image tool (the image endpoint takes none);</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images larger than the model takes are scaled down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every cell is sent the same images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only with exactly one --image: a PNG of that image&apos;s size,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transparent where it may change (an edit); the rest stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A setting to vary, with its values separated by commas;
%1prompt variants are separated by |. Up to %2 axes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests at a time, 1 to %1 (default %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask before running above this estimated cost
%1(default: the Compare setting, $1.00 unless changed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run above the cost limit without asking (needed when stdin
%1is not a terminal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the results; created if missing. Existing files
%1are never overwritten: new ones get a -2, -3... suffix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings and image store in DIR, as for the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Axes: %1,
      %2.
Example: easel compare --prompt &quot;a fox&quot; --axis quality=low,medium,high
         --axis image-model=gpt-image-1,gpt-image-1.5 --out fox
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files: NN_&lt;axis values&gt;.&lt;ext&gt; per cell (e.g. 01_low_gpt-image-1.png), grid.png, results.csv.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Examples: easel generate --prompt &quot;a fox, ink&quot; --quality high --n 2 --out fox
          easel generate --prompt &quot;a stormy sky&quot; --image photo.png --mask sky.png --out storm
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
The estimated cost is printed before anything is sent. Progress and the total cost go to
stderr; the path of every file written goes to stdout, one a line. API keys come from the
environment (e.g. OPENAI_API_KEY) or the keychain, as for the window.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  130  stopped by Ctrl+C (SIGINT), 143 by SIGTERM: what finished is written, then
       the process ends by that signal, so a script&apos;s loop stops too; a second
       Ctrl+C quits at once
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exit codes:
  %1    every request made its images
  %2    a request failed (the images of the others are written)
  %3    bad usage: an unknown flag or a value that is not accepted
  %4    refused: above the cost limit without --yes, or answered no
  %5    --out cannot be written
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareAxis</name>
    <message>
        <source>Image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
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
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
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
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not %2: use %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 axis has an empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an output format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a moderation level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a size: write auto or width x height, for example 1536x1024.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an aspect ratio: write width:height, for example 16:9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a compression: use a whole number from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 axis has no values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 axis lists %2 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an axis as name=values, for example quality=low,medium,high (got %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an axis; the axes are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 axis has no values: write them after the =, separated by %2 (%1=a%2b).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 axis has an empty value: write the values separated by %2 with nothing empty between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored compare run has an unknown axis %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 axis of the stored compare run has no list of values.</source>
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
    <name>CompareEstimate</name>
    <message>
        <source>under $0.0001</source>
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
        <source>%1, free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 cell uses a model without a price (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cells use a model without a price (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of them free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the cost cannot be estimated: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, about %2 estimated (chat tokens not included).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the total is a lower bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Each cell also sends %n reference image(s): their input tokens are the gateway&apos;s to count and are not included.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
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
    <message numerus="yes">
        <source>Cancelled · %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareHistory</name>
    <message>
        <source>Compare · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a conversation, not a comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison &quot;%1&quot; cannot be read back: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: Easel was closed before this cell started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePreflight</name>
    <message>
        <source>cell %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareReferencePicker</name>
    <message>
        <source>Add Reference Images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images every cell is sent with, for the model to work from (Ctrl+Shift+A); you can also drop image files on this panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or drop images here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask of %1 was removed: a mask goes with one reference image only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be added: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Reference Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference image %1 cannot be sent: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareResultsCsv</name>
    <message>
        <source>Could not write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareRun</name>
    <message>
        <source>Not run: the comparison was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no provider &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no API key: set %2 or add the key in Settings &gt; Providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference images were not prepared for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 takes at most %n reference image(s) per cell; %2 are added. Remove %3 to run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sends only to its direct image endpoint, which takes no reference images: remove them, or choose a provider that speaks the Responses API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
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
    <name>CompareSpec</name>
    <message>
        <source>There is no provider %1; the providers are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image model is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transparent background needs png or webp: jpeg has no transparency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression only applies to jpeg and webp, and this cell makes %1: set the format to jpeg or webp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A compare run has at most %1 axes; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 axis is given twice: put all its values in one axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use either a size axis or an aspect-ratio axis, not both: a size overrides the aspect ratio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for 1 to %1 images per cell, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mask edits one image: give exactly one reference image with it, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored compare run is damaged: it has no axes or settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored compare run is damaged: its reference images are not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored compare run is damaged: a reference image has no file name.</source>
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
    <message>
        <source>Preparing reference images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference images: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled</source>
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
        <source>%1 cannot be attached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach Reference Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image cannot be attached: the clipboard&apos;s image cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attaching the pasted image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more file(s) cannot be attached either.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>%1 did not answer within %2. Check the base URL and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a redirect: check the base URL. Easel does not follow redirects with the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a redirect to %2: check the base URL. Easel does not follow redirects with the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: connection refused. Is the base URL right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the server %1: the name does not resolve. Check the base URL and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but %1 did not answer with a list of models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: 1 model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1 models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactSheet</name>
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
        <source>1 cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt: one per value of the prompt axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image was returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact sheet (%1x%2 pixels) is too large to draw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the contact sheet to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image was not saved to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the image %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the image %1: it claims to be %2x%3 pixels, too large to show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationExporter</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model %1</source>
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
        <source>background %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compression %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input fidelity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 cached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 reasoning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image tool: %1 text in, %2 image in, %3 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was never received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its file %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1 is not included: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revised prompt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn %1, image %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy %1 to %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its file %1 could not be read (%2)</source>
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
    <message>
        <source>Show conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every conversation, only chats, or only comparisons (the Compare window&apos;s runs and easel generate or compare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more in Comparisons</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more in Chats</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Matches in comparisons: the All or Comparisons tab lists them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches in chats: the All or Chats tab lists them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo Delete of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message numerus="yes">
        <source>%n cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s) · %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
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
    <message>
        <source>The image file is missing</source>
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
    <message>
        <source>A turn of this conversation is still running: stop it or wait for it before deleting the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cost</name>
    <message>
        <source>estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈ %1</source>
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
    <message>
        <source>no %1-quality price for image model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the price table of %2, so the 1024x1024 price was scaled by pixel area</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostGate</name>
    <message>
        <source>The estimate, %1, is above the %2 limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the cost is unknown (no price for %1), so it could be above the %2 limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Nothing was sent. Run again with --yes to accept the cost, or raise --cost-limit.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Continue? [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run: nothing was sent.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFolder</name>
    <message>
        <source>this is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this folder cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, so no folder can be made in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written, so the folder cannot be made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFolderLock</name>
    <message>
        <source>Easel cannot use the data folder %1: it cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easel is already open on the data folder %1 (process %2). Use that window: a second one would write the same history and settings over each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easel cannot lock the data folder %1, so it cannot tell whether another Easel is using it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecoderJson</name>
    <message>
        <source>%1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway failed while answering without giving a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request without giving a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway failed while answering (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway failed while answering: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway failed while answering: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the request: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s image tool failed without giving a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s image tool failed: %1</source>
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
    <message>
        <source>none expected: the gateway did not take the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of turn %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiskSpace</name>
    <message>
        <source>the disk is full (%1 free, %2 needed)</source>
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
    <name>ErrorMessage</name>
    <message>
        <source>reasons: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the request (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the API key: check Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says the account is out of credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add credits and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the request (403)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is usually moderation, or the key may not use this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not find the endpoint or the model (404): check the base URL and the model name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gave up waiting for the request (408); try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was too large for %1 (413): attach fewer or smaller images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting requests; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had a server error (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request (%2); Easel does not follow redirects for API calls, so check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with an unexpected HTTP status (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no details given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the API key: check %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GatewayJob</name>
    <message>
        <source>The gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was closed before the response finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 within %2: the connection was not established. Check the base URL and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took the request but sent nothing back for %2, so it was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing arrived from %1 for %2, so the request was stopped; what arrived before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: connection refused. Is the base URL right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the server %1: the name does not resolve (DNS). Check the base URL and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed (%2). The server may not speak HTTPS at this address; check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 failed: %2. Easel does not skip certificate checks; check the base URL, the system clock, or a proxy that intercepts HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not get through the network proxy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL %1 does not start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It pointed to %1.</source>
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
    <name>HistoryDatabase</name>
    <message>
        <source>Easel was closed before this turn finished; what had arrived is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer to the integrity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 is damaged and could not be moved aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 could not be opened: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its folder cannot be made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistorySchema</name>
    <message>
        <source>The history database could not be set up (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database has no schema version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history was written by a newer Easel (schema version %1); this one knows up to version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database could not be upgraded (%1).</source>
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
    <name>ImageExporter</name>
    <message>
        <source>This image has no stored file yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored image %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be decoded for conversion: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be converted to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored image is not a PNG, JPEG or WebP file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageFetcher</name>
    <message>
        <source>Could not reach %1 within %2 to download the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent nothing for %2, so the image download was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names no server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it uses plain http, and Easel downloads images only over https (http only from this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a data: URL, which is decoded where it arrives, not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it uses the %1: scheme, and Easel downloads images only over https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image link %1 cannot be downloaded: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the image download to %2, which Easel does not follow: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the image download to this computer (%2), which Easel does not follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image download was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image at %1 is %2, more than the %3 Easel downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered the image download with a redirect (HTTP %2) that says not where to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image link was redirected more than %1 times (the last time by %2), so the download was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image at %1 is larger than the %2 Easel downloads, so the download was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was closed before the image was complete (%2 received).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image link on %1 returned an empty answer, not an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the image download (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The link may have expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The server had a problem; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image link on %1 returned an SVG drawing; Easel shows PNG, JPEG, WebP and GIF images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image link returned a web page, not an image (from %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image link on %1 returned data that is not a PNG, JPEG, WebP or GIF image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not download the image: %1 refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not download the image: the server %1 was not found (DNS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not download the image: the secure (TLS) connection to %1 failed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before sending the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 timed out while downloading the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not download the image from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageFileCheck</name>
    <message>
        <source>the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a PNG, JPEG, WebP or GIF image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageMetadata</name>
    <message>
        <source>The Easel settings in this %1 are damaged (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 carries no Easel settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a PNG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file is truncated: the chunk at byte %1 is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file is damaged: a chunk at byte %1 claims an impossible length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file is truncated: the chunk at byte %1 claims %2 bytes but only %3 remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file is damaged: byte %1 does not start a chunk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file is truncated: it has no IEND chunk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PNG file is damaged: it does not start with an IHDR chunk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a JPEG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG file is truncated: it ends before the image data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG file is damaged: no marker at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG file is damaged: unexpected marker at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG file is truncated at byte %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG file is damaged: a segment at byte %1 has a bad length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JPEG file is truncated: the segment at byte %1 claims %2 bytes but only %3 remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a WebP file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is truncated: it claims %1 bytes but has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is truncated: the chunk at byte %1 is cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is truncated: the chunk at byte %1 claims %2 bytes but only %3 remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is damaged: it holds no image data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is damaged: its VP8 header is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is damaged: its VP8L header is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is damaged: it does not start with image data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is damaged: its image has no size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings can only be saved into PNG, JPEG or WebP files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a PNG, JPEG or WebP image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Easel settings in this PNG are cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Easel settings in this PNG are compressed, which this version of Easel does not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are too large for a JPEG XMP segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The WebP file is damaged: its VP8X chunk is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image&apos;s XMP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XMP packet of this image is damaged (%1).</source>
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
    <name>ImageParams</name>
    <message>
        <source>Write the size as width x height, for example 1536x1024.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only makes 1024x1024, 1024x1536 or 1536x1024 (or auto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides must be multiples of 16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The aspect ratio must be between 1:3 and 3:1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size can be at most 3840x2160.</source>
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
    <message numerus="yes">
        <source>; %n image(s) were already there</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n image(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing new to save: %n image(s) were already in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %n image(s) were saved to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageStore</name>
    <message>
        <source>The gateway sent an empty image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sent %1 bytes that are not a PNG, JPEG, WebP or GIF image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image from the gateway is damaged: its size cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1x%2 pixels, too large to show safely (limit %3 px a side and 256 MB decoded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the image folder %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the image to %1: %2.</source>
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
        <source>%1 — %2</source>
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
        <source>Previous Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagesDecoder</name>
    <message>
        <source>The gateway sent a malformed event (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sent a malformed response (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered without any image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response stopped before it was complete: the connection closed before any image was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway finished without sending an image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagesResponse</name>
    <message>
        <source>The gateway sent an image entry without an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generated image arrived damaged: its base64 data is not valid, so it cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyTransport</name>
    <message>
        <source>Not sent: %1 is set to plain http on %2, which would carry your API key unencrypted. Use its https:// address in Settings &gt; Providers; plain http is only for a server on this computer.</source>
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
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library, Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A screen up or down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First or last turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected image large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected image&apos;s conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+, −, wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drag, Shift+wheel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous or next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save or copy the image shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>%1 does not speak the %2 API (--api %3). It speaks: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no base URL yet, so Easel uses its offline demo gateway. Set it in Settings &gt; Providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no base URL yet, so Easel uses its offline demo gateway. Set it in Settings &gt; Providers or with %2 in the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the key in Settings &gt; Providers or set %1 in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no keychain service here, so set %1 in the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not set and no key for %2 is stored, so Easel uses its offline demo gateway. %3 to generate real images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easel: chat concept art into being.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider to use: %1, or the id of a profile made in Settings &gt; Providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API flavour to speak: %1 (Responses, Chat Completions with the image tool, or an image-output chat model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat model, e.g. gpt-5-mini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model, e.g. gpt-image-1.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep images and settings in this folder instead of the standard ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this prompt at start (tests, scripts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown API flavour &quot;%1&quot;. Choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot;. Known providers: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider with an API key speaks the %1 API, so Easel runs against its offline demo gateway. Set a key for a provider that does, or pick one with --provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key found: this is the offline demo. Add a key in Settings &gt; Providers for real images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a window: easel generate [options] and easel compare [options] (see easel generate --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no display to open the window on: neither DISPLAY nor WAYLAND_DISPLAY is set. Without a window, easel generate and easel compare make images (see easel generate --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes first, before its options: easel %1 [options] (see easel %1 --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key found: this is the offline demo. Set OPENAI_API_KEY (or another provider&apos;s key variable) for real images.</source>
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
    <message>
        <source>No image matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images yet: the images you make appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n image(s), more as you scroll</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save Image As…</source>
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
        <source>1024 × 1024  square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1536 × 1024  landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1024 × 1536  portrait</source>
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
        <source>Every image you made, newest first: the star marks a favourite, Space shows the image large, a double-click or Enter opens its conversation, right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Image</source>
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
    <message>
        <source>A turn is still running: stop it or wait for it before starting a new conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That image is no longer in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1 Fix the size in Image settings, or pick one from its list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;All Images of This Conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Conversation as &amp;HTML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Conversation as &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit while a turn is running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A turn is still running. Quitting stops it: the gateway may still bill it, and only what has arrived is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> + %n turn(s) of unknown cost</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your draft is back, but %n of its reference image(s) are gone: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>there is no keychain service here, so set %1 in the environment and start Easel again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the offline demo: it draws its images on this computer, for free. Add an API key in Settings &gt; Providers to make real ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the offline demo: it draws its images on this computer, for free. Set OPENAI_API_KEY (or another provider&apos;s key variable) and start Easel again to make real ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next image: %1 · %2 · %3 · Ctrl+Enter to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edit you were preparing here is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edit you were preparing waits in its conversation: open that one again to send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the result will be %1 (%2), this image is %3</source>
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
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the Strokes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes painted here? The mask you used before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the strokes painted here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Painting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputWriter</name>
    <message>
        <source>--out %1 is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out %1 cannot be created: check that its parent folder exists and can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out %1 cannot be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has too many files named like %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored image %1 cannot be read: %2.</source>
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
    <message>
        <source>Sets the size while Size is Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used only when Size is Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 quality · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size Auto</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PastedImageWriter</name>
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
    <name>PriceBook</name>
    <message>
        <source>%1 has no &quot;%2&quot; price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a &quot;%2&quot; that is not a non-negative number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;.&quot;%3&quot; is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;.&quot;%3&quot;.&quot;%4&quot; is not a valid %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price book has no &quot;%1&quot; object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price book is not valid JSON: %1 at offset %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price book is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price book is in %1; only USD is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat model &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image model &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names an unknown output_tokens_formula; only &quot;gpt-image-2&quot; is known.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderProfile</name>
    <message>
        <source>Header line %1 is not of the form &quot;Name: value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header %1 has a control character in its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a base URL first, e.g. https://openrouter.ai/api/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must be a full https:// address (http:// for a local server), e.g. https://openrouter.ai/api/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings &gt; Providers or %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings &gt; Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key field (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key goes in %1, not in the headers: headers are kept in plain text in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header %1 looks like a key or token, and headers are kept in plain text in the settings file. Put the key in %2: Easel sends it as &quot;Authorization: Bearer&quot;, which OpenAI-compatible gateways accept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderRegistry</name>
    <message>
        <source>There is no provider &quot;%1&quot; to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a default chat model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the image tool&apos;s type, e.g. image_generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not speak the %2 API; it speaks: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom endpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no provider &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline demo needs no key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from the environment is used for this run, not the key stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from the environment is used for this run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service, so no key can be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service: set %1 in the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key yet: a key typed here is stored in keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional for this endpoint; stored in keychain when set.</source>
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
    <message>
        <source>Now sending to %1 (%2 API). It does not see this conversation&apos;s images: right-click one &gt; Edit This Image to work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed: prompts now go to %2.</source>
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
    <message>
        <source>Unapplied Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the changes to %1 before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no keychain service runs here)</source>
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
    <name>QToolButton</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceImages</name>
    <message>
        <source>Easel cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; Easel reads reference images of at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an image Easel can send (PNG, JPEG or WebP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: Easel cannot read the size of the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 claims to be %2 pixels; Easel takes images of at most %3 megapixels and %4 pixels a side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 pixels) is too large to decode; save it smaller first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete: Easel cannot decode it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 re-encoded as %2 to fit %3&apos;s limit of %4 per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be made small enough for %2&apos;s limit of %3 per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easel could not encode %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scaled from %2 to %3 to fit %4&apos;s limit of %5 per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scaled from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask has no transparency: transparent pixels mark where the image may change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask is %1 but the image it edits is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scaled from %2 to %3 to match %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easel could not encode the mask %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask comes to %1 as a PNG; %2 accepts at most %3 per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mask needs an image to edit: attach the image the mask belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image comes to %1 as sent; %2 accepts at most %3 per turn. Use a smaller file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image and the mask come to %1 as sent; %2 accepts at most %3 per turn. Use a smaller file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These %1 images come to %2 as sent; %3 accepts at most %4 per turn. Remove one or use smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These %1 images and the mask come to %2 as sent; %3 accepts at most %4 per turn. Remove one or use smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceLimits</name>
    <message>
        <source>%1 takes at most %2 reference images per turn; this turn has %3. Remove %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponsesDecoder</name>
    <message>
        <source>The gateway sent a malformed event (%1 in an event).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sent a malformed event (%1 in a %2 event).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway sent a malformed response (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered before the response was finished (status %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response stopped before it was complete: the connection closed before the gateway said it was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generated image %1 arrived damaged: its base64 data is not valid, so it cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 could not be generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image %1 could not be generated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was cut short because it reached the maximum number of output tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was stopped by the gateway&apos;s content filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response ended before it was complete (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response ended before it was complete, without a reason.</source>
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
        <source>%1 was made with Easel: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The keychain is turned off (EASEL_NO_KEYCHAIN=1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service: there is no D-Bus session bus, so no Secret Service or KWallet to keep keys in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access to the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not delete the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service answered: no Secret Service or KWallet on the session bus (QtKeychain: %1).</source>
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
    <name>SessionHistory</name>
    <message>
        <source>The history database was damaged: it was moved aside to %1 and a new, empty history was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is off for this run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreCleaner</name>
    <message>
        <source>Nothing was cleaned up: the history could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 deleted conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 unused image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unused images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 old preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 old previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to clean up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freed %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1 file(s) could not be deleted and are left for the next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamWorker</name>
    <message>
        <source>The gateway answered with a web page instead of the event stream Easel asked for: check the base URL in Settings &gt; Providers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopLevelWindow</name>
    <message>
        <source>Close Window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Turn</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnAssembler</name>
    <message>
        <source>The answer&apos;s text passed %1 KB, so Easel kept the first %1 KB and dropped the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image arrived for this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download stopped when Easel closed. Retry to fetch it again (gateway links expire after a while).</source>
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
        <source>Click to view · right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the image again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnInputs</name>
    <message>
        <source>The image the mask was drawn on is no longer attached: draw the mask again or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image to edit is no longer in this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image to edit has not finished arriving; wait for it, or pick another one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnLayout</name>
    <message>
        <source>

*… and %1 more characters, not shown here: Copy Answer copies the whole answer.*</source>
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
<context>
    <name>TurnRunner</name>
    <message>
        <source>The response ended without saying it was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline demo gateway is free.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnText</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
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
        <source>cost unknown (it may be billed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 cached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 reasoning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoomText</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Try &apos;easel --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
