package io.wharf.volume.service;

import io.wharf.eventbus.outbox.EventDeduplicator;
import io.wharf.volume.store.ReferenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Applies a container's destroy event once: whatever references it still holds are dropped. */
@ApplicationScoped
public class ReferenceSafetyNet {
    private static final Logger LOG = Logger.getLogger(ReferenceSafetyNet.class);

    private final EventDeduplicator dedup;
    private final ReferenceRepository references;

    public ReferenceSafetyNet(EventDeduplicator dedup, ReferenceRepository references) {
        this.dedup = dedup;
        this.references = references;
    }

    @Transactional
    public void containerDestroyed(String eventId, String containerId) {
        if (!dedup.firstTime(eventId)) {
            return;
        }
        long dropped = references.delete("containerId", containerId);
        if (dropped > 0) {
            LOG.infof("dropped %d volume references left by removed container %s", dropped, containerId);
        }
    }
}
