package com.kin.observability.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.observability.FunctionIdentity;
import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Proves that an unset SENTRY_DSN loads no Sentry class, by running the factory inside a fresh class loader that
 * records every class it defines.
 */
class ErrorReporterFactoryTest {

    @Test
    void create_withoutDsn_loadsNoSentryClass() throws Exception {
        try (RecordingClassLoader loader = RecordingClassLoader.overTestClassPath()) {
            Object reporter = createReporterIn(loader, null);
            loader.loadClass(ErrorReporter.class.getName()).getMethod("report", Throwable.class, String.class)
                    .invoke(reporter, new IllegalStateException("boom"), "req-1");

            assertThat(reporter.getClass().getSimpleName()).isEqualTo("DisabledErrorReporter");
            assertThat(loader.definedClasses()).noneMatch(name -> name.startsWith("io.sentry."))
                    .doesNotContain(SentryErrorReporter.class.getName());
        }
    }

    @Test
    void applicationContext_withoutDsn_loadsNoSentryClass() throws Exception {
        try (RecordingClassLoader loader = RecordingClassLoader.overTestClassPath()) {
            Class<?> builderType = loader.loadClass("io.micronaut.context.ApplicationContextBuilder");
            Object builder = loader.loadClass("io.micronaut.context.ApplicationContext").getMethod("builder").invoke(null);
            builderType.getMethod("classLoader", ClassLoader.class).invoke(builder, loader);
            try (AutoCloseable context = (AutoCloseable) builderType.getMethod("start").invoke(builder)) {
                Class<?> reporterType = loader.loadClass(ErrorReporter.class.getName());
                Object reporter = context.getClass().getMethod("getBean", Class.class).invoke(context, reporterType);
                reporterType.getMethod("report", Throwable.class, String.class)
                        .invoke(reporter, new IllegalStateException("boom"), "req-1");
            }

            assertThat(loader.definedClasses()).contains(ErrorReporterFactory.class.getName())
                    .noneMatch(name -> name.startsWith("io.sentry."));
        }
    }

    @Test
    void create_withBlankDsn_isDisabled() throws Exception {
        try (RecordingClassLoader loader = RecordingClassLoader.overTestClassPath()) {
            Object reporter = createReporterIn(loader, "  ");

            assertThat(reporter.getClass().getSimpleName()).isEqualTo("DisabledErrorReporter");
            assertThat(loader.definedClasses()).noneMatch(name -> name.startsWith("io.sentry."));
        }
    }

    @Test
    void recordingLoader_seesSentryOnceSomethingTouchesIt() throws Exception {
        try (RecordingClassLoader loader = RecordingClassLoader.overTestClassPath()) {
            Class.forName("io.sentry.Sentry", false, loader);

            assertThat(loader.definedClasses()).contains("io.sentry.Sentry");
        }
    }

    private static Object createReporterIn(ClassLoader loader, String dsn) throws Exception {
        Class<?> configType = loader.loadClass(ErrorReportingConfig.class.getName());
        Class<?> identityType = loader.loadClass(FunctionIdentity.class.getName());
        Object config = configType.getConstructor(String.class, String.class, long.class).newInstance(dsn, null, 2000L);
        Object identity = identityType.getConstructor(String.class).newInstance("kin-dev-contacts");
        Method create = loader.loadClass(ErrorReporterFactory.class.getName())
                .getDeclaredMethod("create", configType, identityType);
        create.setAccessible(true);
        return create.invoke(null, config, identity);
    }

    /** Defines every application class itself (its parent is the platform loader) and remembers their names. */
    private static final class RecordingClassLoader extends URLClassLoader {

        private final List<String> defined = new CopyOnWriteArrayList<>();

        private RecordingClassLoader(URL[] classPath) {
            super("recording", classPath, ClassLoader.getPlatformClassLoader());
        }

        static RecordingClassLoader overTestClassPath() {
            // Surefire names the test class path here; java.class.path may be a manifest-only jar.
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
                    .map(RecordingClassLoader::toUrl)
                    .toArray(URL[]::new);
            return new RecordingClassLoader(urls);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> type = super.findClass(name);
            defined.add(name);
            return type;
        }

        List<String> definedClasses() {
            return List.copyOf(defined);
        }

        private static URL toUrl(String path) {
            try {
                return new File(path).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(path, e);
            }
        }
    }
}
