package com.kin.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmLauncherTest {

    @Test
    void lambdaFlags_giveTheHeap85PercentOfTheMemorySize() {
        assertThat(JvmLauncher.lambdaJvmFlags(1024)).contains("-XX:MaxHeapSize=870m");
        assertThat(JvmLauncher.lambdaJvmFlags(256)).contains("-XX:MaxHeapSize=218m");
    }

    @Test
    void lambdaFlags_matchTheJavaRuntimesDefaults() {
        assertThat(JvmLauncher.lambdaJvmFlags(512)).contains("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto");
    }
}
