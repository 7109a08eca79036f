// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
package io.heapwise.samples.escape;

import java.util.SplittableRandom;

/**
 * The world of the geometry samples: particles under gravity in a hexagonal arena whose six walls alternate between
 * three {@link WallMaterial}s. Positions and velocities are kept in {@code double} arrays; the walls as anchor points
 * and inward unit normals.
 */
final class Arena {
    static final long SEED = 20261125L;
    static final int PARTICLES = 2048;
    static final int WALLS = 6;
    static final double TIME_STEP = 1.0 / 240;
    static final double GRAVITY = -9.81;

    final double[] x = new double[PARTICLES];
    final double[] y = new double[PARTICLES];
    final double[] vx = new double[PARTICLES];
    final double[] vy = new double[PARTICLES];
    final Vec2[] anchor = new Vec2[WALLS];
    final Vec2[] normal = new Vec2[WALLS];
    final WallMaterial[] material = new WallMaterial[WALLS];

    Arena() {
        WallMaterial[] materials = {new WallMaterial.Elastic(), new WallMaterial.Damped(), new WallMaterial.Bumper()};
        for (int w = 0; w < WALLS; w++) {
            double angle = Math.PI / 3 * w;
            double nx = -Math.cos(angle);
            double ny = -Math.sin(angle);
            // The wall's midpoint lies 0.5 from the centre (0.5, 0.5), opposite its inward normal.
            anchor[w] = new Vec2(0.5 - 0.5 * nx, 0.5 - 0.5 * ny);
            normal[w] = new Vec2(nx, ny);
            material[w] = materials[w % materials.length];
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < PARTICLES; i++) {
            x[i] = 0.3 + 0.4 * random.nextDouble();
            y[i] = 0.3 + 0.4 * random.nextDouble();
            vx[i] = random.nextDouble(-2, 2);
            vy[i] = random.nextDouble(-2, 2);
        }
    }

    /**
     * Moves every particle one time step, then applies gravity. Moving first means a particle moves with the velocity
     * that the previous frame's collisions left it, so particles resting on a wall do not sink through it.
     */
    void integrate() {
        for (int i = 0; i < PARTICLES; i++) {
            x[i] += vx[i] * TIME_STEP;
            y[i] += vy[i] * TIME_STEP;
            vy[i] += GRAVITY * TIME_STEP;
        }
    }

    /** Kinetic energy of all particles (unit masses), for the frame statistics. */
    double kineticEnergy() {
        double energy = 0;
        for (int i = 0; i < PARTICLES; i++) {
            energy += 0.5 * (vx[i] * vx[i] + vy[i] * vy[i]);
        }
        return energy;
    }
}
