package io.wharf.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One network: Docker's create options as given, plus the subnet and gateway IPAM settled on. */
@Entity
@Table(name = "networks")
public class NetworkEntity {
    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, unique = true, length = 256)
    public String name;

    /** {@code bridge}, {@code host} or {@code null}. */
    @Column(nullable = false, length = 32)
    public String driver;

    @Column(nullable = false)
    public Instant created;

    /** One of the predefined networks (bridge, host, none): never removed. */
    public boolean predefined;

    public boolean internal;

    public boolean attachable;

    public boolean enableIpv6;

    /** Null for host and none. */
    @Column(length = 64)
    public String subnet;

    @Column(length = 64)
    public String ipRange;

    @Column(length = 64)
    public String gateway;

    /** The subnet was given by the user (only then may containers ask for an address). */
    public boolean userSubnet;

    /** The Linux bridge (bridge driver only). */
    @Column(length = 16)
    public String bridgeName;

    @Column(nullable = false, length = 65_536)
    public String labelsJson;

    @Column(nullable = false, length = 65_536)
    public String optionsJson;

    @Column(length = 65_536)
    public String ipamOptionsJson;
}
