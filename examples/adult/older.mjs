// A plug-in transformation for adult.suite.yaml: everyone `years` older (default 5).
export function transform(rows, options) {
  const years = Number(options.years ?? 5);
  return rows.map((row) => ({ ...row, age: row.age === null ? null : row.age + years }));
}
