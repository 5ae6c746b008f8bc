#pragma once

// The exit status of `easel generate` and `easel compare`, for scripts: documented in --help.
enum class CliExitCode {
    Success = 0, // every cell made its images
    Failed = 1, // at least one cell failed; the others' files are written
    Usage = 2, // an unknown flag or a value that is not accepted
    Refused = 3, // the cost gate: above the limit without --yes, or the user answered no
    OutputNotWritable = 4, // --out cannot be created or written
    // Ctrl+C (SIGINT) or SIGTERM: the run was stopped, what had finished is written. The process
    // then ends by the signal itself (InterruptWatcher::endBy), which a shell reports as 128 + its
    // number: 130 for SIGINT, 143 for SIGTERM. This code is what remains where it cannot.
    Interrupted = 130,
};
