<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChatSession</name>
    <message numerus="yes">
        <source>%1 asked to wait before the next request: try again in %n s.</source>
        <translation>
            <numerusform>%1 asked to wait before the next request: try again in %n s.</numerusform>
            <numerusform>%1 asked to wait before the next request: try again in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message numerus="yes">
        <source>; %n of %1 cancelled</source>
        <translation>
            <numerusform>; %n of %1 cancelled</numerusform>
            <numerusform>; %n of %1 cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareEstimate</name>
    <message numerus="yes">
        <source>Each cell also sends %n reference image(s): their input tokens are the gateway&apos;s to count and are not included.</source>
        <translation>
            <numerusform>Each cell also sends %n reference image: their input tokens are the gateway&apos;s to count and are not included.</numerusform>
            <numerusform>Each cell also sends %n reference images: their input tokens are the gateway&apos;s to count and are not included.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareGridModel</name>
    <message numerus="yes">
        <source>Cancelled · %n image(s)</source>
        <translation>
            <numerusform>Cancelled · %n image</numerusform>
            <numerusform>Cancelled · %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareRun</name>
    <message numerus="yes">
        <source>%1 takes at most %n reference image(s) per cell; %2 are added. Remove %3 to run.</source>
        <translation>
            <numerusform>%1 takes at most %n reference image per cell; %2 are added. Remove %3 to run.</numerusform>
            <numerusform>%1 takes at most %n reference images per cell; %2 are added. Remove %3 to run.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message numerus="yes">
        <source>%n more file(s) cannot be attached either.</source>
        <translation>
            <numerusform>%n more file cannot be attached either.</numerusform>
            <numerusform>%n more files cannot be attached either.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message numerus="yes">
        <source>%n more in Comparisons</source>
        <translation>
            <numerusform>%n more in Comparisons</numerusform>
            <numerusform>%n more in Comparisons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more in Chats</source>
        <translation>
            <numerusform>%n more in Chats</numerusform>
            <numerusform>%n more in Chats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message numerus="yes">
        <source>%n cell(s)</source>
        <translation>
            <numerusform>%n cell</numerusform>
            <numerusform>%n cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s) · %1</source>
        <translation>
            <numerusform>%n turn · %1</numerusform>
            <numerusform>%n turns · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1</source>
        <translation>
            <numerusform>%n image, %1</numerusform>
            <numerusform>%n images, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationsDock</name>
    <message numerus="yes">
        <source>Exported %1 with %n image(s).</source>
        <translation>
            <numerusform>Exported %1 with %n image.</numerusform>
            <numerusform>Exported %1 with %n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be included: %1</source>
        <translation>
            <numerusform>%n image could not be included: %1</numerusform>
            <numerusform>%n images could not be included: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageSaver</name>
    <message numerus="yes">
        <source>%n images could not be saved. %1</source>
        <translation>
            <numerusform>%n image could not be saved. %1</numerusform>
            <numerusform>%n images could not be saved. %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n image(s) were already there</source>
        <translation>
            <numerusform>; %n image was already there</numerusform>
            <numerusform>; %n images were already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n image(s) to %1</source>
        <translation>
            <numerusform>Saved %n image to %1</numerusform>
            <numerusform>Saved %n images to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing new to save: %n image(s) were already in %1</source>
        <translation>
            <numerusform>Nothing new to save: %n image was already in %1</numerusform>
            <numerusform>Nothing new to save: %n images were already in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %n image(s) were saved to %1.</source>
        <translation>
            <numerusform>The other %n image was saved to %1.</numerusform>
            <numerusform>The other %n images were saved to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The newest %n image(s), more as you scroll</source>
        <translation>
            <numerusform>The newest %n image, more as you scroll</numerusform>
            <numerusform>The newest %n images, more as you scroll</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source> + %n turn(s) of unknown cost</source>
        <translation>
            <numerusform> + %n turn of unknown cost</numerusform>
            <numerusform> + %n turns of unknown cost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n turn</numerusform>
            <numerusform>%n turns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your draft is back, but %n of its reference image(s) are gone: %1</source>
        <translation>
            <numerusform>Your draft is back, but %n of its reference images is gone: %1</numerusform>
            <numerusform>Your draft is back, but %n of its reference images are gone: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
