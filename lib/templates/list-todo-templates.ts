export { listTodoTemplates, todoFromTemplate, type TodoFromTemplate, type TodoTemplateRow } from "./todo-templates";
