export { listTodoTemplates, type TodoTemplateRow } from "./todo-templates";
export { todoFromTemplate, type TodoFromTemplate, type TodoTemplateShape } from "./todo-from-template";
