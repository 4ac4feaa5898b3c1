package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetSizeTest {

    private static void assertSize(ResizeSpec spec, int srcW, int srcH, int w, int h) {
        TargetSize t = TargetSize.of(spec, srcW, srcH);
        assertThat(t.width() + "x" + t.height()).as(spec + " on " + srcW + "x" + srcH).isEqualTo(w + "x" + h);
    }

    @Test
    void fitKeepsAspectInsideTheBox() {
        assertSize(ResizeSpec.fit(500, 500), 4000, 3000, 500, 375);
        assertSize(ResizeSpec.fit(500, 500), 3000, 4000, 375, 500);
        assertSize(ResizeSpec.fit(300, 100), 1000, 1000, 100, 100);
        assertSize(ResizeSpec.fit(500, 500), 100, 50, 100, 50);                  // never enlarges
        assertSize(ResizeSpec.fit(500, 500).withUpscale(true), 100, 50, 500, 250);
        assertSize(ResizeSpec.fit(10, 10), 5000, 10, 10, 1);                      // at least one pixel
    }

    @Test
    void exactStretchesAndShrinksTheBoxInsteadOfEnlarging() {
        assertSize(ResizeSpec.exact(300, 100), 1000, 1000, 300, 100);
        assertSize(ResizeSpec.exact(400, 100), 200, 200, 200, 50);               // same 4:1 shape, no side grows
        assertSize(ResizeSpec.exact(400, 100).withUpscale(true), 200, 200, 400, 100);
    }

    @Test
    void fillCoversThenCrops() {
        TargetSize t = TargetSize.of(ResizeSpec.fill(100, 100), 400, 200);
        assertThat(new int[] {t.width(), t.height(), t.scaledWidth(), t.scaledHeight()})
                .containsExactly(100, 100, 200, 100);
        t = TargetSize.of(ResizeSpec.fill(200, 50), 400, 400);
        assertThat(new int[] {t.width(), t.height(), t.scaledWidth(), t.scaledHeight()})
                .containsExactly(200, 50, 200, 200);
        assertSize(ResizeSpec.fill(400, 100), 200, 200, 200, 50);
        assertSize(ResizeSpec.fill(400, 100).withUpscale(true), 200, 200, 400, 100);
    }

    @Test
    void widthHeightPercentLongEdge() {
        assertSize(ResizeSpec.width(200), 1000, 500, 200, 100);
        assertSize(ResizeSpec.width(2000), 1000, 500, 1000, 500);
        assertSize(ResizeSpec.width(2000).withUpscale(true), 1000, 500, 2000, 1000);
        assertSize(ResizeSpec.height(100), 1000, 500, 200, 100);
        assertSize(ResizeSpec.height(1000), 1000, 500, 1000, 500);
        assertSize(ResizeSpec.percent(25), 1000, 500, 250, 125);
        assertSize(ResizeSpec.percent(150), 1000, 500, 1000, 500);
        assertSize(ResizeSpec.percent(150).withUpscale(true), 1000, 500, 1500, 750);
        assertSize(ResizeSpec.longEdge(100), 1000, 500, 100, 50);
        assertSize(ResizeSpec.longEdge(100), 500, 1000, 50, 100);
        assertSize(ResizeSpec.longEdge(2000), 500, 1000, 500, 1000);
        assertSize(ResizeSpec.longEdge(2000).withUpscale(true), 500, 1000, 1000, 2000);
        assertSize(ResizeSpec.none(), 123, 45, 123, 45);
    }

    @Test
    void subsamplingKeepsTwiceTheNeededSize() {
        assertThat(ImagePipeline.subsampling(4000, 3000, 500, 375, 2)).isEqualTo(4);
        assertThat(ImagePipeline.subsampling(2560, 1600, 500, 313, 2)).isEqualTo(2);
        assertThat(ImagePipeline.subsampling(1000, 1000, 500, 500, 2)).isEqualTo(1);
        assertThat(ImagePipeline.subsampling(1000, 1000, 2000, 2000, 2)).isEqualTo(1);
    }
}
