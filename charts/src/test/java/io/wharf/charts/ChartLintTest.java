package io.wharf.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartLintTest {

    @Test
    void strictLintIsClean() {
        LintResult result = new Helm(Chart.dir()).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        // Helm reports "[INFO] Chart.yaml: icon is recommended"; anything above INFO is a finding.
        List<String> findings = result.getMessages().stream()
                .filter(m -> !m.startsWith("[INFO]"))
                .collect(Collectors.toList());
        assertTrue(findings.isEmpty(), () -> "lint findings: " + findings);
    }
}
