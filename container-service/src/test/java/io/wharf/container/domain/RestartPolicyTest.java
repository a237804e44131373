package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
    private static RestartPolicy policy(String json) throws Exception {
        return RestartPolicy.of(new ObjectMapper().readTree(json));
    }

    @Test
    void decidesAsMobysRestartManager() throws Exception {
        assertFalse(policy("{}").shouldRestart(1, 0));
        assertFalse(policy("{\"RestartPolicy\":{\"Name\":\"no\"}}").shouldRestart(1, 0));
        assertTrue(policy("{\"RestartPolicy\":{\"Name\":\"always\"}}").shouldRestart(0, 99));
        assertTrue(policy("{\"RestartPolicy\":{\"Name\":\"unless-stopped\"}}").shouldRestart(0, 0));
        RestartPolicy onFailure = policy("{\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}}");
        assertFalse(onFailure.shouldRestart(0, 0));
        assertTrue(onFailure.shouldRestart(1, 1));
        assertFalse(onFailure.shouldRestart(1, 2));
        assertTrue(policy("{\"RestartPolicy\":{\"Name\":\"on-failure\"}}").shouldRestart(3, 1000));
        assertThrows(WharfException.class, () -> policy("{\"RestartPolicy\":{\"Name\":\"sometimes\"}}"));
    }

    @Test
    void atAgentStartAlwaysIgnoresAManualStopAndUnlessStoppedHonoursIt() throws Exception {
        assertTrue(policy("{\"RestartPolicy\":{\"Name\":\"always\"}}").restartsWhenTheAgentStarts(137, 0, true));
        RestartPolicy unlessStopped = policy("{\"RestartPolicy\":{\"Name\":\"unless-stopped\"}}");
        assertFalse(unlessStopped.restartsWhenTheAgentStarts(137, 0, true));
        assertTrue(unlessStopped.restartsWhenTheAgentStarts(0, 0, false));
        assertFalse(policy("{}").restartsWhenTheAgentStarts(1, 0, false));
        assertFalse(policy("{\"RestartPolicy\":{\"Name\":\"on-failure\"}}").restartsWhenTheAgentStarts(0, 0, false));
    }

    @Test
    void backOffDoublesFromAHundredMillisAndResetsAfterALongRun() {
        Duration d = RestartPolicy.nextDelay(null, Duration.ZERO);
        assertEquals(Duration.ofMillis(100), d);
        d = RestartPolicy.nextDelay(d, Duration.ofMillis(5));
        assertEquals(Duration.ofMillis(200), d);
        assertEquals(Duration.ofMillis(400), RestartPolicy.nextDelay(d, Duration.ofSeconds(1)));
        assertEquals(Duration.ofMillis(100), RestartPolicy.nextDelay(d, Duration.ofSeconds(10)));
        assertEquals(Duration.ofMinutes(1), RestartPolicy.nextDelay(Duration.ofSeconds(45), Duration.ZERO));
    }
}
