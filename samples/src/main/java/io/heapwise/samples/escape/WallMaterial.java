// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

/**
 * How a wall of the arena responds to a particle that touches it. There are three materials and every particle meets
 * all of them each frame, so the kernel's calls to {@code impulse} are megamorphic: C2 compiles them as virtual
 * calls and inlines none of the implementations.
 */
abstract class WallMaterial {
    /** Contact distance: a particle closer than this to a wall touches it. */
    static final double RADIUS = 0.01;

    /**
     * The impulse along the wall normal for a particle at {@code offset} from the wall's anchor point, with normal
     * velocity {@code approach} (negative when moving towards the wall); zero when there is no contact.
     */
    abstract double impulse(Vec2 offset, Vec2 normal, double approach);

    /** The same as {@link #impulse(Vec2, Vec2, double)}, with the offset passed as its two coordinates. */
    abstract double impulse(double offsetX, double offsetY, Vec2 normal, double approach);

    static final class Elastic extends WallMaterial {
        @Override
        double impulse(Vec2 offset, Vec2 normal, double approach) {
            return impulse(offset.x, offset.y, normal, approach);
        }

        @Override
        double impulse(double offsetX, double offsetY, Vec2 normal, double approach) {
            double gap = offsetX * normal.x + offsetY * normal.y - RADIUS;
            return gap < 0 && approach < 0 ? -1.9 * approach : 0;
        }
    }

    static final class Damped extends WallMaterial {
        @Override
        double impulse(Vec2 offset, Vec2 normal, double approach) {
            return impulse(offset.x, offset.y, normal, approach);
        }

        @Override
        double impulse(double offsetX, double offsetY, Vec2 normal, double approach) {
            double gap = offsetX * normal.x + offsetY * normal.y - RADIUS;
            return gap < 0 && approach < 0 ? -1.4 * approach : 0;
        }
    }

    /** A bumper: pushes harder the deeper the particle is, even when it is already moving away. */
    static final class Bumper extends WallMaterial {
        @Override
        double impulse(Vec2 offset, Vec2 normal, double approach) {
            return impulse(offset.x, offset.y, normal, approach);
        }

        @Override
        double impulse(double offsetX, double offsetY, Vec2 normal, double approach) {
            double gap = offsetX * normal.x + offsetY * normal.y - RADIUS;
            return gap < 0 ? Math.max(-2.0 * approach, 0) - 40.0 * gap : 0;
        }
    }
}
