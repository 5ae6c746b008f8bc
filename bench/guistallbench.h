#pragma once

#include "benchoptions.h"
#include "figurereport.h"

// Figure 3 of issue #2: the longest stall of the GUI thread while a whole turn streams in, with
// three 1536x1024 PNG previews and the final image, through ChatSession into a shown
// ConversationView. Baseline: the same meter over an idle event loop for as long.
class GuiStallBench
{
public:
    explicit GuiStallBench(const BenchOptions &options);

    FigureReport run();

private:
    BenchOptions m_options;
};
