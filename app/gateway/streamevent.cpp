#include "streamevent.h"

StreamEvent StreamEvent::error(const QString &code, const QString &message)
{
    StreamEvent event;
    event.kind = Kind::Error;
    event.errorCode = code;
    event.message = message;
    return event;
}
