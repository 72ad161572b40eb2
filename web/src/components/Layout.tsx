import type { ReactNode } from "react";
import { RouterLink } from "../router";
import { cx } from "./classes";

export function SkipLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
      {children}
    </a>
  );
}

export function PageHeader({ children }: { children: ReactNode }) {
  return (
    <header className="utrecht-page-header kwm-page-header">
      <div className="utrecht-page-header__content kwm-page-header__content">{children}</div>
    </header>
  );
}

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

export function NavBar({ label, items }: { label: string; items: NavItem[] }) {
  return (
    <nav className="utrecht-nav-bar kwm-nav-bar" aria-label={label}>
      <div className="utrecht-nav-bar__content kwm-nav-bar__content">
        <ul className="utrecht-nav-list" role="list">
          {items.map((item) => (
            <li key={item.href} className="utrecht-nav-list__item">
              <RouterLink
                href={item.href}
                className={cx("utrecht-nav-list__link", item.current && "kwm-nav-current")}
                aria-current={item.current ? "page" : undefined}
              >
                {item.label}
              </RouterLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

export function PageFooter({ children }: { children: ReactNode }) {
  return (
    <footer className="utrecht-page-footer kwm-page-footer">
      <div className="utrecht-page-footer__content kwm-page-footer__content">{children}</div>
    </footer>
  );
}

export interface DataListItem {
  key: string;
  value: ReactNode;
}

export function DataList({ items, className }: { items: DataListItem[]; className?: string }) {
  return (
    <dl className={cx("utrecht-data-list", "utrecht-data-list--rows", className)}>
      {items.map((item) => (
        <div key={item.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{item.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
