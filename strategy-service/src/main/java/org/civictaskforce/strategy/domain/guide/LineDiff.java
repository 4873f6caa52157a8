package org.civictaskforce.strategy.domain.guide;

import java.util.ArrayList;
import java.util.List;

/** A simple line diff (longest common subsequence): what a translator must look at after the source changed. */
public final class LineDiff {
    public enum Op { SAME, REMOVED, ADDED }

    public record Line(Op op, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(Op.SAME, a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                lines.add(new Line(Op.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Op.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line(Op.REMOVED, a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line(Op.ADDED, b[j++]));
        }
        return lines;
    }
}
