/**
 * Words customers add around a question in a chat that say nothing about its
 * subject ("hi, I need to know something about returns please"). The stop
 * word lists come from written text and lack most of them; unknown to a help
 * center, they would otherwise count against an answer. Folded: no accents.
 */
export const conversationWords: Record<string, string> = {
  en: `hi hello hey thanks thank thx ty please pls plz ok okay yes yeah yep no nope sure
many much lot lots something anything someone anyone somebody anybody thing things stuff bit kind sort
need needs want wants wanted wondering wonder know knows tell say like would could get got getting
actually really just also still even ever maybe perhaps probably basically guys folks`,
  es: `hola buenas buenos dias tardes noches gracias favor porfa ok vale si claro
algo alguien alguna alguno cosa cosas mucho mucha muchos muchas poco
necesito necesita quiero quisiera queria saber decir gustaria podria puedo pueden`,
  pt: `ola oi bom dia tarde noite obrigado obrigada valeu favor ok sim claro
algo alguem alguma algum coisa coisas muito muita muitos muitas pouco
preciso precisa quero queria gostaria saber dizer poderia posso podem`,
};
