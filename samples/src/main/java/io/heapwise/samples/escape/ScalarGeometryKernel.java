// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The fixed twin of {@link GeometryKernel}: the same simulation, but the collision loop passes the offset's two
 * coordinates to the wall material instead of the {@link Vec2}, which is then used only by inlined code, does not
 * escape, and is scalar-replaced by C2: the steady-state loop allocates nothing per contact test.
 */
public final class ScalarGeometryKernel {
    private final Arena arena;
    private final FrameStats[] history = new FrameStats[GeometryKernel.HISTORY];

    ScalarGeometryKernel(Arena arena) {
        this.arena = arena;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(ScalarGeometryKernel.class, args);
        ScalarGeometryKernel kernel = new ScalarGeometryKernel(new Arena());
        long frames = 0;
        long checksum = 0;
        run.begin();
        do {
            checksum = 31 * checksum + kernel.step(frames++);
        } while (run.keepGoing(frames));
        run.end("simulated %,d frames", frames, checksum);
    }

    /** Advances the simulation one frame and publishes its statistics; returns their digest. */
    long step(long frame) {
        arena.integrate();
        int contacts = collide();
        FrameStats stats = new FrameStats(frame, contacts, arena.kineticEnergy()); // escapes: kept in the history
        history[(int) (frame & (GeometryKernel.HISTORY - 1))] = stats;
        return stats.digest();
    }

    /** Resolves every particle's contacts with every wall; returns the number of contacts. */
    int collide() {
        Arena a = arena;
        int contacts = 0;
        for (int i = 0; i < Arena.PARTICLES; i++) {
            for (int w = 0; w < Arena.WALLS; w++) {
                Vec2 normal = a.normal[w];
                Vec2 offset = new Vec2(a.x[i] - a.anchor[w].x, a.y[i] - a.anchor[w].y); // fixed: ESCAPE_CANDIDATE
                double approach = a.vx[i] * normal.x + a.vy[i] * normal.y;
                double impulse = a.material[w].impulse(offset.x, offset.y, normal, approach);
                if (impulse != 0) {
                    a.vx[i] += impulse * normal.x;
                    a.vy[i] += impulse * normal.y;
                    contacts++;
                }
            }
        }
        return contacts;
    }
}
