export const DEFAULT_MIN_LABELED = 30;
export function column(profile, name) {
    return profile?.columns.find((c) => c.name === name);
}
