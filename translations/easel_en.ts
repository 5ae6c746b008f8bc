<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>Saved %n images to %1</source>
        <translation>
            <numerusform>Saved %n image to %1</numerusform>
            <numerusform>Saved %n images to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images could not be saved. %1</source>
        <translation>
            <numerusform>%n image could not be saved. %1</numerusform>
            <numerusform>%n images could not be saved. %1</numerusform>
        </translation>
    </message>
</context>
</TS>
