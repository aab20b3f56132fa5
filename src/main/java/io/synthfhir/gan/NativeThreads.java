package io.synthfhir.gan;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Bounds ND4J's native threads. With the default (one OpenMP thread per core, spinning) small networks ran 9-17x
 * slower on a loaded 2-core machine (docs/gan.md). The setting is process-wide in ND4J; this is the one place that
 * touches it.
 */
final class NativeThreads {
    private NativeThreads() {}

    static void bound(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
