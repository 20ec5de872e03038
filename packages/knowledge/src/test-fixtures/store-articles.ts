import type { KnowledgeArticle } from "../types.ts";

const url = (slug: string) => `https://help.example.com/articles/${slug}`;

/** A few help-center articles of a small online store, written for these tests. */
export const storeArticles: KnowledgeArticle[] = [
  {
    id: "returns",
    title: "How do I return an item?",
    text: "You can return most items within 30 days of delivery.\n\nTo start a return:\n\n- Open Orders in your account.\n- Choose the item and select Return.\n- Print the prepaid label and drop the parcel at any post office.\n\nSale items marked final sale cannot be returned.",
    language: "en",
    url: url("returns"),
  },
  {
    id: "refunds",
    title: "When will I get my refund?",
    text: "Refunds are issued to your original payment method within 3 business days of the return reaching our warehouse. Your bank may take 5 to 10 days more to show it.\n\nGift card purchases are refunded as store credit.",
    language: "en",
    url: url("refunds"),
  },
  {
    id: "shipping",
    title: "Shipping options and delivery times",
    text: "Standard shipping takes 3 to 5 business days and is free on orders over $50. Express shipping takes 1 to 2 business days and costs $12.\n\nOrders placed before 2 pm Eastern ship the same day.",
    language: "en",
    url: url("shipping"),
  },
  {
    id: "password",
    title: "Reset your password",
    text: "Select Forgot password on the sign-in page and enter your email address. We send a link that works for 1 hour.\n\nIf the email does not arrive, check your spam folder.",
    language: "en",
    url: url("password"),
  },
  {
    id: "devoluciones",
    title: "¿Cómo devuelvo un artículo?",
    text: "Puedes devolver la mayoría de los artículos dentro de los 30 días posteriores a la entrega. Abre Pedidos en tu cuenta y elige Devolver.",
    language: "es",
    url: url("devoluciones"),
  },
];
