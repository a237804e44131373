package io.wharf.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.WharfException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressPlanTest {

    @Test
    void firstFreeSkipsNetworkGatewayAndTakenAndReusesReleased() {
        AddressPlan plan = AddressPlan.of("10.210.0.0/24", null, null);
        assertEquals("10.210.0.1", Ipv4.format(plan.gateway()));
        assertEquals("10.210.0.2", Ipv4.format(plan.firstFree(Set.of()).getAsLong()));
        long two = Ipv4.parse("10.210.0.2");
        long three = Ipv4.parse("10.210.0.3");
        assertEquals("10.210.0.4", Ipv4.format(plan.firstFree(Set.of(two, three)).getAsLong()));
        assertEquals("10.210.0.2", Ipv4.format(plan.firstFree(Set.of(three)).getAsLong()));
    }

    @Test
    void rangeAndExhaustion() {
        AddressPlan plan = AddressPlan.of("10.1.0.0/16", "10.1.5.0/30", "10.1.0.254");
        assertEquals("10.1.5.0", Ipv4.format(plan.firstFree(Set.of()).getAsLong()));
        AddressPlan tiny = AddressPlan.of("10.2.0.0/30", null, null);
        assertEquals("10.2.0.2", Ipv4.format(tiny.firstFree(Set.of()).getAsLong()));
        assertTrue(tiny.firstFree(Set.of(Ipv4.parse("10.2.0.2"))).isEmpty());
        assertFalse(tiny.assignable(Ipv4.parse("10.2.0.3")));
    }

    @Test
    void rejectsGatewayOutsideAndBadCidr() {
        assertThrows(WharfException.class, () -> AddressPlan.of("10.1.0.0/24", null, "10.2.0.1"));
        assertThrows(WharfException.class, () -> Cidr.parse("10.1.0.0"));
        assertThrows(WharfException.class, () -> Cidr.parse("10.1.0.300/24"));
        assertEquals("10.1.0.0/24", Cidr.parse("10.1.0.77/24").toString());
    }

    @Test
    void macIsDockersFromTheAddress() {
        assertEquals("02:42:0a:d1:00:02", Ipv4.mac(Ipv4.parse("10.209.0.2")));
    }

    @Test
    void poolTakesFirstNonOverlappingBlock() {
        SubnetPool pool = new SubnetPool(Cidr.parse("10.210.0.0/16"), 24);
        assertEquals("10.210.0.0/24", pool.next(List.of()).toString());
        assertEquals("10.210.2.0/24", pool.next(List.of(Cidr.parse("10.210.0.0/23"))).toString());
        assertThrows(WharfException.class, () -> new SubnetPool(Cidr.parse("10.3.0.0/24"), 24)
                .next(List.of(Cidr.parse("10.0.0.0/8"))));
    }
}
