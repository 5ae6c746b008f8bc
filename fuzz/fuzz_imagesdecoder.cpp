// ImagesDecoder: response streams, whole bodies and single events (see decoderfuzz.h).

#include "decoderfuzz.h"

#include "gateway/imagesdecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return DecoderFuzz::run<ImagesDecoder>(data, size);
}
