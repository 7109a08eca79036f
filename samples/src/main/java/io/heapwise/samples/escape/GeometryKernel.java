// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import io.heapwise.samples.SampleRun;

/**
 * The collision kernel of a 2D particle simulation: every frame it moves the particles and resolves their contacts
 * with the walls of a hexagonal arena. Planted: {@link #collide} wraps each particle's offset from a wall in a small
 * {@link Vec2} and hands it to the wall's material through a megamorphic call that C2 cannot inline; the vector never
 * outlives the call, but because it is passed to a call that is not inlined, escape analysis must assume it escapes,
 * and every one of them is allocated on the heap. Twin: {@link ScalarGeometryKernel}, which passes the two coordinates
 * instead, so the {@code Vec2} stays local and is scalar-replaced.
 */
public final class GeometryKernel {
    /** Frames published for the status page. A power of two. */
    static final int HISTORY = 64;

    private final Arena arena;
    private final FrameStats[] history = new FrameStats[HISTORY];

    GeometryKernel(Arena arena) {
        this.arena = arena;
    }

    public static void main(String[] args) {
        SampleRun run = SampleRun.of(GeometryKernel.class, args);
        GeometryKernel kernel = new GeometryKernel(new Arena());
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
        FrameStats stats = new FrameStats(frame, contacts, arena.kineticEnergy());
        history[(int) (frame & (HISTORY - 1))] = stats;
        return stats.digest();
    }

    /** Resolves every particle's contacts with every wall; returns the number of contacts. */
    int collide() {
        Arena a = arena;
        int contacts = 0;
        for (int i = 0; i < Arena.PARTICLES; i++) {
            for (int w = 0; w < Arena.WALLS; w++) {
                Vec2 normal = a.normal[w];
                Vec2 offset = new Vec2(a.x[i] - a.anchor[w].x, a.y[i] - a.anchor[w].y); // planted: ESCAPE_CANDIDATE
                double approach = a.vx[i] * normal.x + a.vy[i] * normal.y;
                double impulse = a.material[w].impulse(offset, normal, approach);
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
