package com.kin.observability.metrics;

/**
 * Every metric KIN emits, in namespace {@code KIN}. CloudWatch alarms and dashboards are written against these exact
 * names (see the module README); renaming one silently breaks an alarm.
 */
public final class MetricNames {

    /** Milliseconds from the request filter to the response filter; dimensions: function, route. */
    public static final String REQUEST_LATENCY = "RequestLatency";
    /** 1 per request; dimensions: function, route. */
    public static final String REQUEST_COUNT = "RequestCount";
    /** 1 for a 4xx answer, 0 otherwise, so Average is the client-error rate; dimensions: function, route. */
    public static final String REQUEST_4XX = "Request4xx";
    /** 1 for a 5xx answer, 0 otherwise, so Average is the server-error rate; dimensions: function, route. */
    public static final String REQUEST_5XX = "Request5xx";
    /** 1 on the first request an instance serves; dimension: function. */
    public static final String COLD_START = "ColdStart";

    /** 1 per read a tier answered; dimensions: function, tier ({@code l1}, {@code l2}), kind. Emitted by kin-cache. */
    public static final String CACHE_HIT = "CacheHit";
    /** 1 per read a tier could not answer; dimensions: function, tier, kind. Emitted by kin-cache. */
    public static final String CACHE_MISS = "CacheMiss";
    /** Milliseconds a tier took to answer or miss; dimensions: function, tier, kind. Emitted by kin-cache. */
    public static final String CACHE_LATENCY = "CacheLatency";
    /** Milliseconds the loader (the database) took on a full miss; dimensions: function, kind. Emitted by kin-cache. */
    public static final String CACHE_LOAD_LATENCY = "CacheLoadLatency";
    /** 1 per cached value thrown away; dimensions: function, kind, reason ({@code corrupt}, {@code oversize}). */
    public static final String CACHE_DROPPED = "CacheDropped";
    /**
     * 1 per L2 failure (logged at most once per retry interval); dimensions: function, tier ({@code l2}), operation,
     * and kind when the failed call was for one kind of entry (read, write, delete; not warm-up or invalidate).
     */
    public static final String CACHE_ERROR = "CacheError";

    /** Milliseconds per statement; dimensions: function, query (a fixed statement name, never SQL). */
    public static final String DB_QUERY_TIME = "DbQueryTime";
    /** Milliseconds spent waiting for a pooled connection; dimension: function. Emitted by kin-data. */
    public static final String DB_CONNECTION_WAIT = "DbConnectionWait";
    /** Connections in use when sampled ({@link com.kin.observability.db.PoolUsageRecorder}); dimension: function. */
    public static final String DB_POOL_ACTIVE = "DbPoolActive";
    /** Idle connections when sampled; dimension: function. */
    public static final String DB_POOL_IDLE = "DbPoolIdle";
    /** Threads waiting for a connection when sampled; dimension: function. */
    public static final String DB_POOL_PENDING = "DbPoolPending";

    /** Milliseconds per Twilio REST call; dimensions: function, operation ({@code sendSms}, ...). Emitted by kin-twilio. */
    public static final String TWILIO_LATENCY = "TwilioLatency";
    /** 1 per failed Twilio REST call; dimensions: function, operation. */
    public static final String TWILIO_ERROR = "TwilioError";

    private MetricNames() {
    }
}
