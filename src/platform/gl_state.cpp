// ImGui's OpenGL3 backend saves the GL state before it renders a frame and
// restores it after, with about 20 glGetIntegerv and glIsEnabled calls. In a
// browser each is a synchronous round trip to the GPU process (WebGL's
// getParameter), and together they were most of a frame's time. The app owns
// its context and nothing else draws into it; each frame sets its viewport
// and clears (main.cpp), and the backend sets its own render state. So the
// backend's save reads the state of a fresh context from here, with no round
// trip, and every other query (the version, at start) goes to GL.
// cmake/web.cmake points the backend's two calls here.
#include <GLES3/gl3.h>

extern "C" void bw_gl_get_integerv(GLenum name, GLint* out) {
  switch (name) {
    case GL_ACTIVE_TEXTURE: *out = GL_TEXTURE0; return;
    case GL_CURRENT_PROGRAM:
    case GL_TEXTURE_BINDING_2D:
    case GL_SAMPLER_BINDING:
    case GL_ARRAY_BUFFER_BINDING:
    case GL_VERTEX_ARRAY_BINDING: *out = 0; return;
    case GL_VIEWPORT:
    case GL_SCISSOR_BOX: out[0] = out[1] = out[2] = out[3] = 0; return;  // set again before the next draw
    case GL_BLEND_SRC_RGB:
    case GL_BLEND_SRC_ALPHA: *out = GL_ONE; return;
    case GL_BLEND_DST_RGB:
    case GL_BLEND_DST_ALPHA: *out = GL_ZERO; return;
    case GL_BLEND_EQUATION_RGB:
    case GL_BLEND_EQUATION_ALPHA: *out = GL_FUNC_ADD; return;
    default: glGetIntegerv(name, out);
  }
}

// Blending, culling, depth, stencil and scissor tests: all off in a fresh context.
extern "C" GLboolean bw_gl_is_enabled(GLenum) { return GL_FALSE; }
