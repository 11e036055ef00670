/**
 * The pay changes of a recalculation as a table a clerk can work through: each person once, with
 * their total pay change, and under it each changed pay line with its cause; sorted by person or by
 * the size of the change, filtered by id, name, department or pay line. Fits the 320 px pane: two
 * columns, the details wrapping under the person.
 */
import { Caption1, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { formatMoney, type MoneyDigits } from "../../core/money.js";
import { reconciledPeople } from "../../workbook/reconciliation.js";
import type { RecalcReport } from "../../workbook/read-back.js";
import { useT } from "./i18n.js";

/** People listed in the pane; the rest are counted (the exported report lists them all). */
export const SHOWN = 200;

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  delta: { width: "7.5em", textAlign: "end" },
  person: { overflowWrap: "anywhere", verticalAlign: "top" },
  amount: { verticalAlign: "top", textAlign: "end", whiteSpace: "nowrap" },
  detail: { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalM },
});

type SortKey = "order" | "person" | "delta";

export function RecalcChangesTable({ report }: { report: RecalcReport }) {
  const { t, lang } = useT();
  const styles = useStyles();
  const [sort, setSort] = useState<{ key: SortKey; dir: "ascending" | "descending" }>({ key: "order", dir: "ascending" });
  const [filter, setFilter] = useState("");
  const people = useMemo(() => reconciledPeople(report, lang), [report, lang]);
  const digits = report.scheme.money.digits as MoneyDigits;
  const money = (c: number | null) => (c === null ? "—" : formatMoney(c, digits));
  const signed = (c: number) => `${c > 0 ? "+" : c < 0 ? "−" : "±"}${formatMoney(Math.abs(c), digits)}`;

  const needle = filter.trim().toLowerCase();
  const shown = people.filter((p) => needle === "" || [p.id, p.name, p.department, ...p.lines.map((l) => l.label)].some((x) => x.toLowerCase().includes(needle)));
  if (sort.key !== "order") {
    const sign = sort.dir === "ascending" ? 1 : -1;
    const collator = new Intl.Collator(lang, { numeric: true });
    shown.sort((a, b) => sign * (sort.key === "delta" ? a.delta - b.delta : collator.compare(a.id, b.id)));
  }
  const header = (key: SortKey, label: string, className?: string) => (
    <TableHeaderCell
      className={className}
      sortDirection={sort.key === key ? sort.dir : undefined}
      onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === "descending" ? "ascending" : s.key === key ? "descending" : key === "delta" ? "descending" : "ascending" }))}
      data-testid={`sort-${key}`}
    >
      {label}
    </TableHeaderCell>
  );

  if (people.length === 0) return <Text>{t("ui.finance.no-changes")}</Text>;
  return (
    <>
      <Input value={filter} onChange={(_, d) => setFilter(d.value)} placeholder={t("ui.finance.filter")} aria-label={t("ui.finance.filter")} data-testid="recalc-filter" />
      {needle !== "" && <Caption1>{t("ui.finance.filtered", { shown: shown.length, count: people.length })}</Caption1>}
      <Table sortable size="small" className={styles.table} aria-label={t("ui.finance.changes")} data-testid="recalc-changes">
        <TableHeader>
          <TableRow>
            {header("person", t("ui.finance.col.person"))}
            {header("delta", t("ui.finance.col.delta"), styles.delta)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.slice(0, SHOWN).map((p) => (
            <TableRow key={p.id} data-testid="recalc-person">
              <TableCell className={styles.person}>
                <Text weight="semibold">
                  {p.id} {p.name}
                </Text>
                {p.department && <Caption1 className={styles.detail}>{p.department}</Caption1>}
                <ul className={styles.lines}>
                  {p.lines.map((l) => (
                    <li key={l.line}>
                      <Caption1>
                        {l.label}: {money(l.before)} → {money(l.after)}
                      </Caption1>
                      {l.because && <Caption1 className={styles.detail}>{t("ui.finance.because", { because: l.because })}</Caption1>}
                      {l.reason && <Caption1 className={styles.detail}>{t("ui.finance.now", { reason: l.reason })}</Caption1>}
                    </li>
                  ))}
                </ul>
              </TableCell>
              <TableCell className={styles.amount}>
                <Text weight="semibold">{signed(p.delta)}</Text>
                <Caption1 className={styles.detail}>
                  {money(p.before)} → {money(p.after)}
                </Caption1>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown.length > SHOWN && <Text>{t("ui.finance.more-people", { count: shown.length - SHOWN })}</Text>}
    </>
  );
}
