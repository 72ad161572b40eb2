export { Alert } from "./Alert";
export { Button, ButtonGroup } from "./Button";
export { DataTable, columnHelper } from "./DataTable";
export { Fieldset, FormField, RadioOption, Select, Textarea, Textbox, fieldDescribedBy } from "./Form";
export { DataList, NavBar, PageFooter, PageHeader, SkipLink } from "./Layout";
export { Link } from "./Link";
export { Pagination } from "./Pagination";
export { LoadError, Loading } from "./Status";
export {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "./Table";
export { Heading, Paragraph } from "./Typography";
