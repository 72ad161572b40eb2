import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "./Button";
import { cx } from "./classes";
import "./ReorderableList.css";

export interface ReorderableListProps<T> {
  items: T[];
  itemKey: (item: T) => string;
  /** How the item is named in button labels and announcements, e.g. "Voorkeur: Senior beleidsmedewerker". */
  itemName: (item: T) => string;
  onMove: (from: number, to: number) => void;
  renderItem: (item: T, index: number) => ReactNode;
  /** Names the list for screen readers. */
  label: string;
  className?: string;
}

type Direction = "up" | "down";

/**
 * An ordered list whose items move with "Hoger" and "Lager" buttons instead of
 * drag and drop, so it works with the keyboard and with a screen reader alone
 * (WCAG 2.1.1, 2.5.7). Focus stays on the moved item and the new place is announced.
 */
export function ReorderableList<T>({
  items,
  itemKey,
  itemName,
  onMove,
  renderItem,
  label,
  className,
}: ReorderableListProps<T>) {
  const list = useRef<HTMLOListElement>(null);
  const [pendingFocus, setPendingFocus] = useState<{ key: string; direction: Direction } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (!pendingFocus) return;
    const button = (direction: Direction) =>
      list.current?.querySelector<HTMLButtonElement>(
        `[data-move-key="${CSS.escape(pendingFocus.key)}"][data-move="${direction}"]`,
      );
    const wanted = button(pendingFocus.direction);
    (wanted && !wanted.disabled ? wanted : button(pendingFocus.direction === "up" ? "down" : "up"))?.focus();
    setPendingFocus(null);
  }, [pendingFocus]);

  const move = (index: number, direction: Direction) => {
    const to = direction === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= items.length) return;
    const item = items[index];
    onMove(index, to);
    setPendingFocus({ key: itemKey(item), direction });
    setAnnouncement(`${itemName(item)} staat nu op plaats ${to + 1} van ${items.length}.`);
  };

  return (
    <>
      <ol ref={list} className={cx("kwm-reorderable", className)} aria-label={label}>
        {items.map((item, index) => {
          const key = itemKey(item);
          const name = itemName(item);
          return (
            <li key={key} className="kwm-reorderable__item">
              <div className="kwm-reorderable__content">{renderItem(item, index)}</div>
              <div className="kwm-reorderable__moves" role="group" aria-label={`Volgorde van ${name}`}>
                <Button
                  data-move-key={key}
                  data-move="up"
                  appearance="subtle"
                  disabled={index === 0}
                  onClick={() => move(index, "up")}
                  aria-label={`${name} één plaats hoger`}
                >
                  <span aria-hidden="true">↑ </span>Hoger
                </Button>
                <Button
                  data-move-key={key}
                  data-move="down"
                  appearance="subtle"
                  disabled={index === items.length - 1}
                  onClick={() => move(index, "down")}
                  aria-label={`${name} één plaats lager`}
                >
                  <span aria-hidden="true">↓ </span>Lager
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="kwm-visually-hidden" aria-live="polite" role="status">
        {announcement}
      </div>
    </>
  );
}
