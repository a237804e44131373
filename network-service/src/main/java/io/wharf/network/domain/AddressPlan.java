package io.wharf.network.domain;

import io.wharf.common.error.WharfException;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Where a network's container addresses come from: its subnet, the optional ip-range they are taken
 * from, and the gateway, which is never given to a container (nor are the network and broadcast
 * addresses). Allocation takes the lowest free address, so released ones are reused.
 */
public record AddressPlan(Cidr subnet, Cidr range, long gateway) {

    /** Builds the plan of a network; the gateway defaults to the subnet's first host, as libnetwork's. */
    public static AddressPlan of(String subnet, String ipRange, String gateway) {
        Cidr s = Cidr.parse(subnet);
        Cidr r = ipRange == null || ipRange.isEmpty() ? s : Cidr.parse(ipRange);
        if (!s.contains(r.first()) || !s.contains(r.last())) {
            throw WharfException.invalid("Invalid IP range: " + ipRange + " is not within subnet " + subnet);
        }
        long gw = gateway == null || gateway.isEmpty() ? s.first() + 1 : Ipv4.parse(gateway);
        if (!s.contains(gw)) {
            throw WharfException.invalid("Invalid gateway: " + gateway + " is not within subnet " + subnet);
        }
        return new AddressPlan(s, r, gw);
    }

    /** True for an address a container may have. */
    public boolean assignable(long address) {
        return subnet.contains(address) && address != gateway && !reserved(address);
    }

    private boolean reserved(long address) {
        return subnet.prefix() < 31 && (address == subnet.first() || address == subnet.last());
    }

    /** The lowest address of the range that is neither taken nor reserved. */
    public OptionalLong firstFree(Collection<Long> taken) {
        for (long a = range.first(); a <= range.last(); a++) {
            if (assignable(a) && !taken.contains(a)) {
                return OptionalLong.of(a);
            }
        }
        return OptionalLong.empty();
    }
}
