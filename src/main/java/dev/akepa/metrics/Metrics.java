package dev.akepa.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One node's Prometheus registry with the JVM and process meters bound: heap and non-heap pools, GC pauses,
 * threads, loaded classes, process CPU, open file descriptors, uptime. Feature meters (HTTP, webhooks, pool,
 * queue) are registered by their owners.
 */
public final class Metrics implements AutoCloseable {
    /**
     * A backstop behind the bounded labels: no meter name may grow past this many series of one label. The
     * largest honest set is the HTTP route templates (about 40); an unbounded label would otherwise fill the heap
     * (issue 11: 66,000 requests with invented method names did).
     */
    static final int MAX_VALUES_PER_LABEL = 200;

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private Metrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    public static Metrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (String label : new String[] {"method", "route", "status"}) {
            registry.config().meterFilter(MeterFilter.maximumAllowableTags("akepa.http.requests", label,
                    MAX_VALUES_PER_LABEL, MeterFilter.deny()));
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new Metrics(registry, gc);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Removes the GC notification listeners; the registry goes with the node. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
