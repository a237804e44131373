package io.wharf.image.service.registry;

import io.wharf.image.domain.registry.ProgressMessage;

/** Where a pull or push reports progress: the client's JSON stream. Implementations are thread-safe. */
public interface ProgressSink {
    void send(ProgressMessage message);
}
