package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The gateway's admission: twice the cores unless a test JVM (a bench) says otherwise (docs/decisions.md). */
class LocalConfigTest {
    @Test
    void admissionIsTwiceTheCores_orTheSystemPropertyWhenSet() {
        String before = System.getProperty("zhidian.local.maxConcurrent");
        try {
            System.clearProperty("zhidian.local.maxConcurrent");
            assertEquals(2 * Runtime.getRuntime().availableProcessors(), LocalConfig.defaults().maxConcurrent());
            System.setProperty("zhidian.local.maxConcurrent", "17");
            assertEquals(17, LocalConfig.ephemeral().maxConcurrent());
            assertEquals(3, LocalConfig.ephemeral().maxConcurrent(3).maxConcurrent(), "the builder still wins");
        } finally {
            if (before == null) System.clearProperty("zhidian.local.maxConcurrent");
            else System.setProperty("zhidian.local.maxConcurrent", before);
        }
    }
}
