package io.wharf.container.service.mount;

import io.wharf.container.domain.mount.MountPoint;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The host agent's volume events, with moby's attributes: {@code mount} at start, {@code unmount} at exit. */
@ApplicationScoped
public class MountEvents {
    private final EventPublisher events;

    public MountEvents(EventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void mounted(String containerId, List<MountPoint> mounts) {
        for (MountPoint m : mounts) {
            if (!m.isVolume()) {
                continue;
            }
            Map<String, String> a = new LinkedHashMap<>();
            a.put("container", containerId);
            a.put("destination", m.destination);
            a.put("driver", m.driver);
            a.put("propagation", m.propagation);
            a.put("read/write", Boolean.toString(m.rw));
            events.publish(EventType.VOLUME, Actions.MOUNT, m.name, a);
        }
    }

    @Transactional
    public void unmounted(String containerId, List<MountPoint> mounts) {
        for (MountPoint m : mounts) {
            if (m.isVolume()) {
                events.publish(EventType.VOLUME, Actions.UNMOUNT, m.name,
                        Map.of("container", containerId, "driver", m.driver));
            }
        }
    }
}
