import { describe, expect, it } from "vitest";
import { add, area, call, div, mul, name, neg, op, ref, str, sub } from "../../src/core/formula.js";
import { printA1, printR1C1 } from "../../src/workbook/plan/print-formula.js";

describe("the formula printer", () => {
  it("adds parentheses from precedence only, so the text evaluates in the tree's order", () => {
    expect(printA1(sub(1, sub(2, 3)), 2)).toBe("1-(2-3)");
    expect(printA1(sub(sub(1, 2), 3), 2)).toBe("1-2-3");
    expect(printA1(div(mul(2, 3), 4), 2)).toBe("2*3/4");
    expect(printA1(div(2, mul(3, 4)), 2)).toBe("2/(3*4)");
    expect(printA1(mul(add(1, 2), 3), 2)).toBe("(1+2)*3");
    expect(printA1(add(op(">", 1, 2), mul(op("=", 1, 1), 2)), 2)).toBe("(1>2)+(1=1)*2");
    expect(printA1(op("&", str(">="), add(1, 2)), 2)).toBe('">="&1+2');
    expect(printA1(neg(neg(call("EXACT", str("a"), str("A")))), 2)).toBe('--EXACT("a","A")');
    expect(printA1(neg(add(1, 2)), 2)).toBe("-(1+2)");
    expect(printA1(op("^", neg(2), 2), 2)).toBe("(-2)^2");
  });
  it("writes numbers exactly, negatives in parentheses, strings with doubled quotes", () => {
    expect(printA1(add(-3, 1e-9), 2)).toBe("(-3)+0.000000001");
    expect(printA1(str('say "hi"'), 2)).toBe('"say ""hi"""');
    expect(() => printA1(NaN, 2)).toThrow(RangeError);
  });
  it("references: this row relative, others absolute; sheet names always quoted", () => {
    const f = add(ref({ col: 4 }), ref({ col: 0, row: 1, sheet: "O'Brien 考核" }), call("SUM", area({ c1: 2, r1: 2, c2: 2, r2: 41 })), call("SUM", area({ c1: 3, r1: 2, c2: 3 })), name("p_gate"));
    expect(printA1(f, 7)).toBe("$E7+'O''Brien 考核'!$A$1+SUM($C$2:$C$41)+SUM($D$2:$D7)+p_gate");
    expect(printR1C1(f)).toBe("RC5+'O''Brien 考核'!R1C1+SUM(R2C3:R41C3)+SUM(R2C4:RC4)+p_gate");
  });
});

describe("number literals", () => {
  it("read back as the same double, small numbers written out", () => {
    for (const x of [1e-9, 1.5e-7, 2.5e-10, 123.456, 0.1, 1e21, -3e-8, 5e-324]) {
      const text = printA1(x, 1).replace(/^\((.*)\)$/, "$1");
      expect(text).not.toMatch(/E-/);
      expect(Number(text)).toBe(x);
    }
    expect(printA1(1e-9, 1)).toBe("0.000000001");
    expect(printA1(-1.5e-7, 1)).toBe("(-0.00000015)");
  });
});
