package com.kin.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmLauncherTest {

    @Test
    void lambdaFlags_giveTheHeap85PercentOfTheMemorySizeInKib() {
        // As a live 512 MB java function's command line shows it: -XX:MaxHeapSize=445645k.
        assertThat(JvmLauncher.lambdaJvmFlags(512)).contains("-XX:MaxHeapSize=445645k");
        assertThat(JvmLauncher.lambdaJvmFlags(1024)).contains("-XX:MaxHeapSize=891290k");
        assertThat(JvmLauncher.lambdaJvmFlags(256)).contains("-XX:MaxHeapSize=222822k");
    }

    @Test
    void lambdaFlags_matchTheJavaRuntimesDefaults() {
        assertThat(JvmLauncher.lambdaJvmFlags(512)).containsSubsequence("-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1").contains(
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr");
    }

    @Test
    void lambdaFlags_leaveMetaspaceAndCodeCacheUncapped_asTheJava11PlusRuntimesDo() {
        // Only the java8 (Amazon Linux 1) runtime capped them; a cap here could fail locally what runs on Lambda.
        assertThat(JvmLauncher.lambdaJvmFlags(512)).noneMatch(flag -> flag.startsWith("-XX:MaxMetaspaceSize")
                || flag.startsWith("-XX:ReservedCodeCacheSize"));
    }
}
